import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Person } from '@scorecard/contracts';
import { api } from './api';

const PAGE_SIZE = 100;
/** Pickers list everyone up to this many; beyond it people are found by search. */
const MAX_PAGES = 10;

/**
 * Every active person of the organization, by name: the hiring manager, recruiter and interviewer
 * pickers of every feature share this one cached list.
 */
export const peopleQueryOptions = queryOptions({
  queryKey: ['people', 'active'] as const,
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
