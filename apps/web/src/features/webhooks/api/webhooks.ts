import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookRequest, UpdateWebhookRequest } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { webhookKeys } from './webhook-keys';

export const WEBHOOKS_PAGE_SIZE = 20;
export const DELIVERIES_PAGE_SIZE = 20;

/** A delivery still being attempted changes by itself (the queue sends it): the log looks again meanwhile. */
const REFRESH_WHILE_PENDING_MS = 2_000;

/** The organization's webhook endpoints (never their secrets). */
export function useWebhooks(page: number) {
  return useQuery({
    queryKey: webhookKeys.list(page),
    queryFn: ({ signal }) => api('listWebhooks', { signal, query: { page, pageSize: WEBHOOKS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((w) => w.lastDelivery?.status === 'pending') ? REFRESH_WHILE_PENDING_MS : false,
  });
}

export function useWebhook(id: string | null) {
  return useQuery({
    queryKey: webhookKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api('getWebhook', { signal, params: { id: id! } }),
    enabled: id !== null,
  });
}

/** One endpoint's delivery log, newest first; refreshed while a delivery is pending. */
export function useWebhookDeliveries(id: string, page: number) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id, page),
    queryFn: ({ signal }) =>
      api('listWebhookDeliveries', { signal, params: { id }, query: { page, pageSize: DELIVERIES_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.status === 'pending') ? REFRESH_WHILE_PENDING_MS : false,
  });
}

/** Creates an endpoint; the answer holds its signing secret, shown this once. */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookRequest) => api('createWebhook', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useUpdateWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWebhookRequest) => api('updateWebhook', { params: { id }, body }),
    onSuccess: (webhook) => {
      queryClient.setQueryData(webhookKeys.detail(id), webhook);
      return queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    },
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('deleteWebhook', { params: { id } }),
    onSuccess: (_answer, id) => {
      queryClient.removeQueries({ queryKey: webhookKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.list(1).slice(0, 2) });
    },
  });
}

/** Queues a `webhook.test` event to this endpoint only. */
export function useSendTestWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('sendTestWebhook', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Sends a delivery again (same event id and payload), with a new series of attempts. */
export function useRedeliverWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api('redeliverWebhook', { params: { id, deliveryId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
