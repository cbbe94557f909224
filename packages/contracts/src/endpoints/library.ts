import type { z } from 'zod';
import { EmptyBody } from '../auth.js';
import { IdParams } from '../common.js';
import {
  ChecklistDetail,
  ChecklistList,
  ChecklistVersion,
  CreateChecklistRequest,
  CreateRubricRequest,
  DuplicateRequest,
  LibraryListQuery,
  PublishRequest,
  RubricDetail,
  RubricList,
  RubricVersion,
  SaveChecklistDraftRequest,
  SaveRubricDraftRequest,
  UpdateChecklistRequest,
  UpdateRubricRequest,
} from '../library.js';
import { designers, endpointGroup, hiringTeam } from './endpoint.js';

/** The same operations for each kind of versioned document (rubrics, red-flag checklists). */
function versionedEndpoints<
  const P extends string,
  const V extends string,
  // One type parameter per schema: a property of a generic object would widen to its constraint.
  L extends z.ZodType,
  D extends z.ZodType,
  Ver extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Sd extends z.ZodType,
>(
  docPath: P,
  versionPath: V,
  noun: string,
  tag: string,
  s: { List: L; Detail: D; Version: Ver; Create: C; Update: U; SaveDraft: Sd },
) {
  return {
    list: {
      method: 'get',
      path: `/api/v1/${docPath}`,
      summary: `List ${noun}s`,
      tag,
      access: hiringTeam,
      query: LibraryListQuery,
      status: 200,
      response: s.List,
    },
    create: {
      method: 'post',
      path: `/api/v1/${docPath}`,
      summary: `Create a ${noun} with a first draft version`,
      tag,
      access: designers,
      body: s.Create,
      status: 201,
      response: s.Detail,
    },
    get: {
      method: 'get',
      path: `/api/v1/${docPath}/:id`,
      summary: `One ${noun} with its versions`,
      tag,
      access: hiringTeam,
      params: IdParams,
      status: 200,
      response: s.Detail,
    },
    update: {
      method: 'patch',
      path: `/api/v1/${docPath}/:id`,
      summary: `Rename or archive a ${noun}`,
      tag,
      access: designers,
      params: IdParams,
      body: s.Update,
      status: 200,
      response: s.Detail,
    },
    duplicate: {
      method: 'post',
      path: `/api/v1/${docPath}/:id/duplicate`,
      summary: `Copy a ${noun} into a new one`,
      tag,
      access: designers,
      params: IdParams,
      body: DuplicateRequest,
      status: 201,
      response: s.Detail,
    },
    startDraft: {
      method: 'post',
      path: `/api/v1/${docPath}/:id/draft`,
      summary: `The ${noun}'s draft version, started from the latest published one if there is none`,
      tag,
      access: designers,
      params: IdParams,
      body: EmptyBody.optional(),
      status: 200,
      response: s.Version,
    },
    getVersion: {
      method: 'get',
      path: `/api/v1/${versionPath}/:id`,
      summary: `One version of a ${noun}`,
      tag,
      access: hiringTeam,
      params: IdParams,
      status: 200,
      response: s.Version,
    },
    saveVersion: {
      method: 'put',
      path: `/api/v1/${versionPath}/:id`,
      summary: `Save a draft version (409 if published or stale)`,
      tag,
      access: designers,
      params: IdParams,
      body: s.SaveDraft,
      status: 200,
      response: s.Version,
    },
    publishVersion: {
      method: 'post',
      path: `/api/v1/${versionPath}/:id/publish`,
      summary: `Publish a draft version; it never changes again`,
      tag,
      access: designers,
      params: IdParams,
      body: PublishRequest,
      status: 200,
      response: s.Version,
    },
  } as const;
}

export const rubricEndpoints = endpointGroup(
  versionedEndpoints('rubrics', 'rubric-versions', 'rubric', 'rubrics', {
    List: RubricList,
    Detail: RubricDetail,
    Version: RubricVersion,
    Create: CreateRubricRequest,
    Update: UpdateRubricRequest,
    SaveDraft: SaveRubricDraftRequest,
  }),
);
export const checklistEndpoints = endpointGroup(
  versionedEndpoints('red-flag-checklists', 'red-flag-checklist-versions', 'red-flag checklist', 'red flags', {
    List: ChecklistList,
    Detail: ChecklistDetail,
    Version: ChecklistVersion,
    Create: CreateChecklistRequest,
    Update: UpdateChecklistRequest,
    SaveDraft: SaveChecklistDraftRequest,
  }),
);

/** The operations of one kind of versioned document, as one controller serves them (see `versionedEndpoints`). */
export type VersionedDocumentEndpoints = typeof rubricEndpoints | typeof checklistEndpoints;

/**
 * An operation's name in the endpoint table: `list` → `listRubrics`, `getVersion` → `getRubricVersion`,
 * `startDraft` → `startRubricDraft`, any other `op` → `opRubric`.
 */
type TableName<Op extends string, N extends string, Ns extends string> = Op extends 'list'
  ? `list${Ns}`
  : Op extends `${infer Verb}${'Version' | 'Draft'}`
    ? `${Verb}${N}${Op extends `${string}Version` ? 'Version' : 'Draft'}`
    : `${Op}${N}`;

function tableNames<const O extends Record<string, unknown>, const N extends string, const Ns extends string>(
  ops: O,
  noun: N,
  plural: Ns,
): { [K in keyof O & string as TableName<K, N, Ns>]: O[K] } {
  const name = (op: string) =>
    op === 'list'
      ? `list${plural}`
      : op.replace(/^([a-z]+)(Version|Draft)?$/, (_, verb: string, tail = '') => verb + noun + tail);
  return Object.fromEntries(Object.entries(ops).map(([op, e]) => [name(op), e])) as never;
}

/** Rubrics and red-flag checklists, under their names in the endpoint table (`listRubrics`, `getChecklistVersion`…). */
export const libraryEndpoints = {
  ...tableNames(rubricEndpoints, 'Rubric', 'Rubrics'),
  ...tableNames(checklistEndpoints, 'Checklist', 'Checklists'),
};
