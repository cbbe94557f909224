import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Person } from '@scorecard/contracts';
import { api } from '../../../lib/api';
import { openingSourceKeys } from './opening-keys';

const PAGE_SIZE = 100;
/** Pickers list everyone up to this many; beyond it people are found by search. */
const MAX_PAGES = 10;

/** Every active person of the organization (for the hiring manager and interviewer pickers). */
export const peopleQueryOptions = queryOptions({
  queryKey: openingSourceKeys.people,
  queryFn: async ({ signal }): Promise<Person[]> => {
    const people: Person[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await api('listPeople', { signal, query: { page, pageSize: PAGE_SIZE } });
      people.push(...result.items);
      if (people.length >= result.total || result.items.length === 0) break;
    }
    return people.sort((a, b) => a.name.localeCompare(b.name));
  },
  staleTime: 60_000,
});

export function usePeople() {
  return useQuery(peopleQueryOptions);
}

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
