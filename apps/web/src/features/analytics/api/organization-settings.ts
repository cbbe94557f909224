import type { UpdateOrganizationSettingsRequest } from '@scorecard/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { analyticsKeys } from './analytics-keys';

export const organizationSettingsKeys = { all: ['organization-settings'] as const };

export const organizationSettingsQueryOptions = queryOptions({
  queryKey: organizationSettingsKeys.all,
  queryFn: ({ signal }) => api('getOrganizationSettings', { signal }),
});

/** The organization's settings (any member may read them). */
export function useOrganizationSettings(enabled = true) {
  return useQuery({ ...organizationSettingsQueryOptions, enabled });
}

/** An admin changes the settings; every calibration is re-read, since its verdicts rest on the minimum. */
export function useUpdateOrganizationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationSettingsRequest) => api('updateOrganizationSettings', { body }),
    onSuccess: async (settings) => {
      queryClient.setQueryData(organizationSettingsKeys.all, settings);
      await queryClient.invalidateQueries({ queryKey: [...analyticsKeys.all, 'calibration'] });
    },
  });
}
