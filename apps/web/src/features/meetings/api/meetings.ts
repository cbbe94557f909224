import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CastVoteRequest, Meeting } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { meetingKeys } from './meeting-keys';

/** The application's newest meeting (open, finished or cancelled), or null when it never had one. */
export function useLatestMeeting(applicationId: string | null) {
  return useQuery({
    queryKey: meetingKeys.latest(applicationId ?? 'none'),
    queryFn: async ({ signal }) => {
      const list = await api('listApplicationMeetings', {
        signal,
        params: { id: applicationId ?? '' },
        query: { page: 1, pageSize: 1 },
      });
      return list.items[0] ?? null;
    },
    enabled: applicationId !== null,
  });
}

/** One meeting as the caller may see it (votes of revealed rounds only, their own always). */
export function useMeeting(applicationId: string, meetingId: string | null) {
  return useQuery({
    queryKey: meetingKeys.meeting(applicationId, meetingId ?? 'none'),
    queryFn: ({ signal }) => api('getMeeting', { signal, params: { id: meetingId ?? '' } }),
    enabled: meetingId !== null,
  });
}

/** After a change: the answer is the meeting as it now is; the list (open or not) refetches. */
function useMeetingChange<V>(applicationId: string, run: (v: V) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (m) => {
      queryClient.setQueryData(meetingKeys.meeting(applicationId, m.id), m);
      return queryClient.invalidateQueries({ queryKey: meetingKeys.latest(applicationId) });
    },
  });
}

export const useStartMeeting = (applicationId: string) =>
  useMeetingChange(applicationId, () => api('startMeeting', { params: { id: applicationId }, body: {} }));

export const useCastVote = (applicationId: string, meetingId: string) =>
  useMeetingChange(applicationId, (body: CastVoteRequest) =>
    api('castMeetingVote', { params: { id: meetingId }, body }),
  );

export const useRevealRound = (applicationId: string, meetingId: string) =>
  useMeetingChange(applicationId, (round: 1 | 2) =>
    api('revealMeetingRound', { params: { id: meetingId }, body: { round } }),
  );

export const useOpenRoundTwo = (applicationId: string, meetingId: string) =>
  useMeetingChange(applicationId, () => api('openMeetingRoundTwo', { params: { id: meetingId }, body: {} }));

export const useCancelMeeting = (applicationId: string, meetingId: string) =>
  useMeetingChange(applicationId, () => api('cancelMeeting', { params: { id: meetingId }, body: {} }));
