import type { MyInterviewsQuery } from '@scorecard/contracts';

export type MyInterviewsView = MyInterviewsQuery['view'];

/** Every key of this feature starts with 'my-interviews', so one invalidation refreshes lists, counts and kits. */
export const interviewKeys = {
  all: ['my-interviews'] as const,
  lists: () => [...interviewKeys.all, 'list'] as const,
  list: (view: MyInterviewsView, page: number) => [...interviewKeys.lists(), view, page] as const,
  /** The counts behind the navigation's overdue badge. */
  counts: () => [...interviewKeys.lists(), 'counts'] as const,
  kit: (interviewId: string) => [...interviewKeys.all, 'kit', interviewId] as const,
  panel: (applicationId: string) => [...interviewKeys.all, 'panel', applicationId] as const,
};
