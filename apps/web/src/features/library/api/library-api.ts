import type {
  ChecklistContent,
  RubricContent,
  RubricDetail,
  RubricSummary,
  RubricVersion,
  UpdateRubricRequest,
} from '@scorecard/contracts';
import { api } from '../../../lib/api';

/**
 * Rubrics and red-flag checklists are the same kind of versioned document with different content,
 * so the screens share one description of their API: `DocApi<Content>`.
 */
export type LibraryKind = 'rubric' | 'checklist';

/** A document in a list (identical for both kinds). */
export type DocSummary = RubricSummary;
export type DocVersion<C> = Omit<RubricVersion, 'content'> & { content: C };
export type DocDetail<C> = Omit<RubricDetail, 'draft' | 'published'> & {
  draft: DocVersion<C> | null;
  published: DocVersion<C> | null;
};
export type DocList = { items: DocSummary[]; page: number; pageSize: number; total: number };
export type DocListQuery = { page: number; pageSize: number; q?: string | undefined; archived: 'true' | 'false' };
export type DocChanges = UpdateRubricRequest;

export interface DocApi<C> {
  kind: LibraryKind;
  list(query: DocListQuery, signal?: AbortSignal): Promise<DocList>;
  create(body: { name: string; description: string; content: C }): Promise<DocDetail<C>>;
  get(id: string, signal?: AbortSignal): Promise<DocDetail<C>>;
  update(id: string, changes: DocChanges): Promise<DocDetail<C>>;
  duplicate(id: string, name: string): Promise<DocDetail<C>>;
  startDraft(id: string): Promise<DocVersion<C>>;
  getVersion(id: string, signal?: AbortSignal): Promise<DocVersion<C>>;
  saveVersion(id: string, body: { content: C; revision: number }): Promise<DocVersion<C>>;
  publishVersion(id: string, revision: number): Promise<DocVersion<C>>;
}

/**
 * The contract's endpoint table types these responses as plain `z.ZodType` (its `versionedEndpoints`
 * helper is not generic over the schemas), so `api()` returns `unknown` for them. `api()` still
 * parses every response with the endpoint's schema at run time; this only restores the static type.
 */
const as = <T>(response: Promise<unknown>) => response as Promise<T>;
type R = RubricContent;
type K = ChecklistContent;

export const rubricApi: DocApi<RubricContent> = {
  kind: 'rubric',
  list: (query, signal) => as<DocList>(api('listRubrics', { query, signal })),
  create: (body) => as<DocDetail<R>>(api('createRubric', { body })),
  get: (id, signal) => as<DocDetail<R>>(api('getRubric', { params: { id }, signal })),
  update: (id, changes) => as<DocDetail<R>>(api('updateRubric', { params: { id }, body: changes })),
  duplicate: (id, name) => as<DocDetail<R>>(api('duplicateRubric', { params: { id }, body: { name } })),
  startDraft: (id) => as<DocVersion<R>>(api('startRubricDraft', { params: { id } })),
  getVersion: (id, signal) => as<DocVersion<R>>(api('getRubricVersion', { params: { id }, signal })),
  saveVersion: (id, body) => as<DocVersion<R>>(api('saveRubricVersion', { params: { id }, body })),
  publishVersion: (id, revision) =>
    as<DocVersion<R>>(api('publishRubricVersion', { params: { id }, body: { revision } })),
};

export const checklistApi: DocApi<ChecklistContent> = {
  kind: 'checklist',
  list: (query, signal) => as<DocList>(api('listChecklists', { query, signal })),
  create: (body) => as<DocDetail<K>>(api('createChecklist', { body })),
  get: (id, signal) => as<DocDetail<K>>(api('getChecklist', { params: { id }, signal })),
  update: (id, changes) => as<DocDetail<K>>(api('updateChecklist', { params: { id }, body: changes })),
  duplicate: (id, name) => as<DocDetail<K>>(api('duplicateChecklist', { params: { id }, body: { name } })),
  startDraft: (id) => as<DocVersion<K>>(api('startChecklistDraft', { params: { id } })),
  getVersion: (id, signal) => as<DocVersion<K>>(api('getChecklistVersion', { params: { id }, signal })),
  saveVersion: (id, body) => as<DocVersion<K>>(api('saveChecklistVersion', { params: { id }, body })),
  publishVersion: (id, revision) =>
    as<DocVersion<K>>(api('publishChecklistVersion', { params: { id }, body: { revision } })),
};
