import type { ReminderSettings, UpdateReminderSettingsRequest } from '@scorecard/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { reminderKeys } from './reminder-keys';

export const reminderSettingsQueryOptions = queryOptions({
  queryKey: reminderKeys.settings(),
  queryFn: ({ signal }) => api('getReminderSettings', { signal }),
});

/** When scorecard reminders go out in the organization, and to whom. */
export function useReminderSettings() {
  return useQuery(reminderSettingsQueryOptions);
}

/** An admin changes them; the answer replaces the cached settings. */
export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReminderSettingsRequest) => api('updateReminderSettings', { body }),
    onSuccess: (saved: ReminderSettings) => queryClient.setQueryData(reminderKeys.settings(), saved),
  });
}
