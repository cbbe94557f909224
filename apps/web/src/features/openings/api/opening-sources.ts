import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { openingSourceKeys } from './opening-keys';

export { usePeople } from '@/lib/people';

/** Rubrics that can be used by an opening: not archived, with a published version. */
export function usePublishedRubrics() {
  return useQuery({
    queryKey: openingSourceKeys.rubrics,
    queryFn: async ({ signal }) => {
      // The endpoint table types library responses loosely; api() has already parsed them with these schemas.
      const list = await api('listRubrics', {
        signal,
        query: { page: 1, pageSize: 100, archived: 'false' },
      });
      return list.items.filter((r) => r.publishedVersionId !== null);
    },
    staleTime: 60_000,
  });
}

/** Red-flag checklists that can be used by an opening: not archived, with a published version. */
export function usePublishedChecklists() {
  return useQuery({
    queryKey: openingSourceKeys.checklists,
    queryFn: async ({ signal }) => {
      const list = await api('listChecklists', {
        signal,
        query: { page: 1, pageSize: 100, archived: 'false' },
      });
      return list.items.filter((c) => c.publishedVersionId !== null);
    },
    staleTime: 60_000,
  });
}

/** One rubric version with its competencies and criteria; published versions never change. */
export function useRubricVersion(id: string | null) {
  return useQuery({
    queryKey: openingSourceKeys.rubricVersion(id ?? 'none'),
    queryFn: async ({ signal }) => api('getRubricVersion', { signal, params: { id: id! } }),
    enabled: id !== null,
    staleTime: Infinity,
  });
}
