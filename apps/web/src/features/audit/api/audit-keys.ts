import type { AuditFilters } from '../audit-filters';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditFilters, pageSize: number) => [...auditKeys.lists(), filters, pageSize] as const,
  actors: () => [...auditKeys.all, 'actors'] as const,
};
