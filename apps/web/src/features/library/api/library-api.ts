import type {
  ChecklistContent,
  RubricContent,
  RubricDetail,
  RubricSummary,
  RubricVersion,
  UpdateRubricRequest,
} from '@scorecard/contracts';
import { api } from '@/lib/api';

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
/** The list's filters as the URL holds them (see `useListParams`). */
export type DocListFilters = { q: string; archived: 'true' | 'false' };
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

export const rubricApi: DocApi<RubricContent> = {
  kind: 'rubric',
  list: (query, signal) => api('listRubrics', { query, signal }),
  create: (body) => api('createRubric', { body }),
  get: (id, signal) => api('getRubric', { params: { id }, signal }),
  update: (id, changes) => api('updateRubric', { params: { id }, body: changes }),
  duplicate: (id, name) => api('duplicateRubric', { params: { id }, body: { name } }),
  startDraft: (id) => api('startRubricDraft', { params: { id } }),
  getVersion: (id, signal) => api('getRubricVersion', { params: { id }, signal }),
  saveVersion: (id, body) => api('saveRubricVersion', { params: { id }, body }),
  publishVersion: (id, revision) => api('publishRubricVersion', { params: { id }, body: { revision } }),
};

export const checklistApi: DocApi<ChecklistContent> = {
  kind: 'checklist',
  list: (query, signal) => api('listChecklists', { query, signal }),
  create: (body) => api('createChecklist', { body }),
  get: (id, signal) => api('getChecklist', { params: { id }, signal }),
  update: (id, changes) => api('updateChecklist', { params: { id }, body: changes }),
  duplicate: (id, name) => api('duplicateChecklist', { params: { id }, body: { name } }),
  startDraft: (id) => api('startChecklistDraft', { params: { id } }),
  getVersion: (id, signal) => api('getChecklistVersion', { params: { id }, signal }),
  saveVersion: (id, body) => api('saveChecklistVersion', { params: { id }, body }),
  publishVersion: (id, revision) => api('publishChecklistVersion', { params: { id }, body: { revision } }),
};
