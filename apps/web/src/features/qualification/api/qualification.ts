import type {
  QualificationPath,
  QualificationSettings,
  UpdateQualificationSettingsRequest,
} from '@scorecard/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { qualificationKeys } from './qualification-keys';

/** The organization's qualification settings (everyone reads them). */
export function useQualificationSettings() {
  return useQuery({
    queryKey: qualificationKeys.settings(),
    queryFn: ({ signal }) => api('getQualificationSettings', { signal }),
  });
}

/** An admin changes them; the answer replaces the cached settings, and paths are read again. */
export function useUpdateQualificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateQualificationSettingsRequest) => api('updateQualificationSettings', { body }),
    onSuccess: (saved: QualificationSettings) => {
      queryClient.setQueryData(qualificationKeys.settings(), saved);
      void queryClient.invalidateQueries({ queryKey: [...qualificationKeys.all, 'members'] });
      void queryClient.invalidateQueries({ queryKey: qualificationKeys.mine() });
    },
  });
}

/** The signed-in member's own path. */
export function useMyQualification() {
  return useQuery({
    queryKey: qualificationKeys.mine(),
    queryFn: ({ signal }) => api('getMyQualification', { signal }),
  });
}

/** Members in training (or ready for a promotion), a page at a time; for hiring managers and admins. */
export function useQualificationMembers(filter: 'ready' | 'training' | 'all', page: number) {
  return useQuery({
    queryKey: qualificationKeys.members(filter, page),
    queryFn: ({ signal }) => api('listQualificationMembers', { signal, query: { filter, page, pageSize: 25 } }),
    placeholderData: keepPreviousData,
  });
}

/** Approves one promotion; every list of members is read again. */
export function usePromote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { memberId: string; competencyKey: string }): Promise<QualificationPath> =>
      api('promoteInterviewer', { params: { id: input.memberId }, body: { competencyKey: input.competencyKey } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qualificationKeys.all }),
  });
}
