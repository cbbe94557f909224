import type { UpdateOrganizationSettingsRequest } from '@scorecard/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { analyticsKeys } from './analytics-keys';

/**
 * An admin changes the organization's settings. The calibration page reads the minimum it states
 * from the calibration itself (its thresholds), so every calibration is read again afterwards.
 */
export function useUpdateOrganizationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationSettingsRequest) => api('updateOrganizationSettings', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...analyticsKeys.all, 'calibration'] }),
  });
}
