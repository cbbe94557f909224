import type { OpeningStatus } from '@scorecard/contracts';

/** What the openings list is filtered and paged by; also the list's query key. */
export type OpeningListParams = { page: number; pageSize: number } & OpeningFilterValues;

/** The list's search and filters, as the URL holds them (see `useListParams`). */
export type OpeningFilterValues = {
  q: string;
  status: OpeningStatus | '';
};

export const openingKeys = {
  all: ['openings'] as const,
  lists: () => [...openingKeys.all, 'list'] as const,
  list: (params: OpeningListParams) => [...openingKeys.lists(), params] as const,
  details: () => [...openingKeys.all, 'detail'] as const,
  detail: (id: string) => [...openingKeys.details(), id] as const,
};

/** What an opening is built from, read from other parts of the API (people, the library). */
export const openingSourceKeys = {
  rubrics: ['openings', 'sources', 'rubrics'] as const,
  checklists: ['openings', 'sources', 'checklists'] as const,
  rubricVersion: (id: string) => ['openings', 'sources', 'rubric-version', id] as const,
};
