export const webhookKeys = {
  all: ['webhooks'] as const,
  list: (page: number) => [...webhookKeys.all, 'list', page] as const,
  detail: (id: string) => [...webhookKeys.all, 'detail', id] as const,
  deliveries: (id: string, page: number) => [...webhookKeys.all, 'deliveries', id, page] as const,
};
