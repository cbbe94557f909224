import type { CandidateSort, CandidateSource, Stage } from '@scorecard/contracts';

/** What the candidates list is searched, filtered, sorted and paged by; also its query key. */
export type CandidateListParams = { page: number; pageSize: number } & CandidateFilterValues;

/** The list's search and filters, as the URL holds them (see `useListParams`). */
export type CandidateFilterValues = {
  q: string;
  source: CandidateSource | '';
  stage: Stage | '';
  openingId: string;
  tag: string;
  sort: CandidateSort;
};

export const candidateKeys = {
  all: ['candidates'] as const,
  lists: () => [...candidateKeys.all, 'list'] as const,
  list: (params: CandidateListParams) => [...candidateKeys.lists(), params] as const,
  details: () => [...candidateKeys.all, 'detail'] as const,
  detail: (id: string) => [...candidateKeys.details(), id] as const,
  /** Openings offered in the filters and the apply picker. */
  openings: (status: 'open' | 'all') => [...candidateKeys.all, 'openings', status] as const,
};
