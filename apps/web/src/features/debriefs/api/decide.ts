import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecideRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { debriefKeys } from './debrief-keys';

/** Records a decision; the debrief, and every list showing the application's stage, then refetch. */
export function useDecide(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecideRequest) => api('decide', { params: { id: applicationId }, body }),
    onSuccess: () => {
      // Other features show the stage too; their keys start with these names.
      void queryClient.invalidateQueries({ queryKey: ['pipeline'] });
      void queryClient.invalidateQueries({ queryKey: ['candidates'] });
      // Returned, so the mutation settles once the refreshed debrief (and its new revision) is in.
      return queryClient.invalidateQueries({ queryKey: debriefKeys.all });
    },
  });
}
