import type { MyInterviewsQuery } from '@scorecard/contracts';

export type MyInterviewsView = MyInterviewsQuery['view'];

/** Every key of this feature starts with 'my-interviews', so one invalidation refreshes lists, counts and kits. */
export const scorecardKeys = {
  all: ['my-interviews'] as const,
  lists: () => [...scorecardKeys.all, 'list'] as const,
  list: (view: MyInterviewsView, page: number) => [...scorecardKeys.lists(), view, page] as const,
  /** The counts behind the navigation's overdue badge. */
  counts: () => [...scorecardKeys.lists(), 'counts'] as const,
  kit: (interviewId: string) => [...scorecardKeys.all, 'kit', interviewId] as const,
  panel: (applicationId: string) => [...scorecardKeys.all, 'panel', applicationId] as const,
  /** The saves of one scorecard (a mutation key: the page asks whether one is stuck). */
  save: (scorecardId: string) => [...scorecardKeys.all, 'save', scorecardId] as const,
};
