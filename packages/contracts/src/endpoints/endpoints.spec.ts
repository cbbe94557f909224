import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { checklistEndpoints, type Endpoint, endpoints, rubricEndpoints } from '../endpoints.js';

const table = Object.entries(endpoints) as [string, Endpoint][];

describe('the endpoint table, assembled from one file per context', () => {
  it('has one entry per method and path', () => {
    const routes = table.map(([, e]) => `${e.method} ${e.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it.each(table)('%s: the :params of its path are exactly the keys of its params schema', (_name, e) => {
    const inPath = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
    const inSchema = e.params ? Object.keys((e.params as z.ZodObject).shape).sort() : [];
    expect(inSchema).toEqual(inPath);
  });

  it('lists the versioned documents’ operations under their table names, as the same objects', () => {
    expect(endpoints.listRubrics).toBe(rubricEndpoints.list);
    expect(endpoints.startRubricDraft).toBe(rubricEndpoints.startDraft);
    expect(endpoints.getChecklistVersion).toBe(checklistEndpoints.getVersion);
    expect(endpoints.publishChecklistVersion).toBe(checklistEndpoints.publishVersion);
    const library = table.filter(([, e]) => e.tag === 'rubrics' || e.tag === 'red flags').map(([name]) => name);
    expect(library).toEqual([
      'listRubrics',
      'createRubric',
      'getRubric',
      'updateRubric',
      'duplicateRubric',
      'startRubricDraft',
      'getRubricVersion',
      'saveRubricVersion',
      'publishRubricVersion',
      'listChecklists',
      'createChecklist',
      'getChecklist',
      'updateChecklist',
      'duplicateChecklist',
      'startChecklistDraft',
      'getChecklistVersion',
      'saveChecklistVersion',
      'publishChecklistVersion',
    ]);
  });
});
