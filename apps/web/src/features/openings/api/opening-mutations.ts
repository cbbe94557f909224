import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeOpeningStatusRequest,
  CreateOpeningRequest,
  Opening,
  SavePlanRequest,
  UpdateOpeningRequest,
} from '@scorecard/contracts';
import { api } from '@/lib/api';
import { openingKeys } from './opening-keys';

/** Every write answers the whole opening: store it as the detail, and let the lists refetch. */
function useStoreOpening() {
  const queryClient = useQueryClient();
  return (opening: Opening) => {
    queryClient.setQueryData(openingKeys.detail(opening.id), opening);
    void queryClient.invalidateQueries({ queryKey: openingKeys.lists() });
  };
}

export function useCreateOpening() {
  const store = useStoreOpening();
  return useMutation({
    mutationFn: (body: CreateOpeningRequest) => api('createOpening', { body }),
    onSuccess: store,
  });
}

export function useUpdateOpening(id: string) {
  const store = useStoreOpening();
  return useMutation({
    mutationFn: (body: UpdateOpeningRequest) => api('updateOpening', { params: { id }, body }),
    onSuccess: store,
  });
}

export function useSavePlan(id: string) {
  const store = useStoreOpening();
  return useMutation({
    mutationFn: (body: SavePlanRequest) => api('saveOpeningPlan', { params: { id }, body }),
    onSuccess: store,
  });
}

export function useChangeOpeningStatus(id: string) {
  const store = useStoreOpening();
  return useMutation({
    mutationFn: (body: ChangeOpeningStatusRequest) => api('changeOpeningStatus', { params: { id }, body }),
    onSuccess: store,
  });
}
