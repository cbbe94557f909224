import { describe, expect, it } from '@jest/globals';
import { checklistPublishIssues, checkVersionEdit, rubricPublishIssues, startDraftAction } from './versioning.js';

describe('checkVersionEdit', () => {
  it.each([
    ['a draft at the same revision may change', 'draft', 3, 3, { ok: true }],
    ['a draft saved by someone else since is stale', 'draft', 4, 3, { ok: false, reason: 'stale_revision' }],
    ['a published version never changes', 'published', 3, 3, { ok: false, reason: 'version_published' }],
    ['published wins over stale', 'published', 5, 3, { ok: false, reason: 'version_published' }],
  ] as const)('%s', (_n, status, revision, base, expected) => {
    expect(checkVersionEdit({ status, revision }, base)).toEqual(expected);
  });
});

describe('startDraftAction', () => {
  it.each([
    ['nothing yet: version 1 from scratch', [], { action: 'create_draft', version: 1, copyFrom: null }],
    ['an existing draft is reused', [{ version: 1, status: 'draft' }], { action: 'use_existing_draft', version: 1 }],
    [
      'after v1 published: draft 2 copies 1',
      [{ version: 1, status: 'published' }],
      { action: 'create_draft', version: 2, copyFrom: 1 },
    ],
    [
      'after v1..v3 published: draft 4 copies 3',
      [
        { version: 2, status: 'published' },
        { version: 3, status: 'published' },
        { version: 1, status: 'published' },
      ],
      { action: 'create_draft', version: 4, copyFrom: 3 },
    ],
    [
      'a draft next to published versions is reused',
      [
        { version: 1, status: 'published' },
        { version: 2, status: 'draft' },
      ],
      { action: 'use_existing_draft', version: 2 },
    ],
  ] as const)('%s', (_n, versions, expected) => {
    expect(startDraftAction([...versions])).toEqual(expected);
  });
});

const criterion = (over: Partial<{ title: string; prompt: string; anchors: string[] }> = {}) => ({
  title: 'Mentoring',
  prompt: 'Tell me about someone you helped grow.',
  anchors: ['a', 'b', 'c', 'd'],
  ...over,
});

describe('rubricPublishIssues', () => {
  it.each([
    ['a complete rubric has none', [{ name: 'Lead', weight: 1, criteria: [criterion()] }], []],
    ['no competencies', [], ['competencies']],
    ['an unnamed competency', [{ name: ' ', weight: 1, criteria: [criterion()] }], ['competencies.0.name']],
    ['a zero weight', [{ name: 'Lead', weight: 0, criteria: [criterion()] }], ['competencies.0.weight']],
    ['a competency without criteria', [{ name: 'Lead', weight: 1, criteria: [] }], ['competencies.0.criteria']],
    [
      'a criterion missing its title, prompt and the anchor of level 3',
      [
        {
          name: 'Lead',
          weight: 2,
          criteria: [criterion(), criterion({ title: '', prompt: '', anchors: ['a', 'b', '', 'd'] })],
        },
      ],
      ['competencies.0.criteria.1.title', 'competencies.0.criteria.1.prompt', 'competencies.0.criteria.1.anchors.2'],
    ],
  ] as const)('%s', (_n, competencies, paths) => {
    expect(rubricPublishIssues({ competencies: competencies as never }).map((i) => i.path)).toEqual(paths);
  });

  it('says which level an empty anchor is for', () => {
    const [issue] = rubricPublishIssues({
      competencies: [{ name: 'L', weight: 1, criteria: [criterion({ anchors: ['', 'b', 'c', 'd'] })] }],
    });
    expect(issue?.message).toBe('Describe what a 1 looks like.');
  });
});

describe('checklistPublishIssues', () => {
  it.each([
    ['complete', [{ description: 'Only talks about their own code' }], []],
    ['empty list', [], ['items']],
    ['blank description', [{ description: 'x' }, { description: '  ' }], ['items.1.description']],
  ] as const)('%s', (_n, items, paths) => {
    expect(checklistPublishIssues({ items: [...items] }).map((i) => i.path)).toEqual(paths);
  });
});
