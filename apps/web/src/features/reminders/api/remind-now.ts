import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** Emails an interview's interviewer a reminder now (at most once an hour per interview). */
export function useRemindNow() {
  return useMutation({
    mutationFn: (interviewId: string) => api('remindInterviewer', { params: { id: interviewId } }),
  });
}
