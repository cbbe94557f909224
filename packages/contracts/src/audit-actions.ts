import { endpoints, type Endpoint, type EndpointName } from './endpoints.js';

/** Every write is audited, and so is a read the endpoint table flags (`audited: true`). */
export function isAudited(e: Endpoint): boolean {
  return e.method !== 'get' || e.audited === true;
}

function singular(segment: string): string {
  const snake = segment.replace(/-/g, '_');
  if (snake.endsWith('ies')) return `${snake.slice(0, -3)}y`;
  if (snake.endsWith('s') && !snake.endsWith('ss')) return snake.slice(0, -1);
  return snake;
}

/**
 * What kind of thing an endpoint acts on: `auditEntity` when the table names it, otherwise the
 * collection in its path that the `:id` belongs to (`/api/v1/applications/:id/moves` →
 * `application`), or the last collection when there is no `:id` (`/api/v1/candidates` → `candidate`).
 */
export function auditEntityType(e: Endpoint): string {
  if (e.auditEntity) return e.auditEntity;
  const segments = e.path.replace(/^\/api\/(v\d+\/)?/, '').split('/');
  const idAt = segments.findIndex((s) => s.startsWith(':'));
  const collection = idAt > 0 ? segments[idAt - 1] : segments.filter((s) => !s.startsWith(':')).at(-1);
  return singular(collection ?? 'unknown');
}

/** The operations the audit log records, with the entity type each acts on, in table order. */
export const AUDITED_ACTIONS: readonly { action: EndpointName; entityType: string }[] = (
  Object.entries(endpoints) as [EndpointName, Endpoint][]
)
  .filter(([, e]) => isAudited(e))
  .map(([action, e]) => ({ action, entityType: auditEntityType(e) }));

/** The entity types audit events can have, sorted. */
export const AUDIT_ENTITY_TYPES: readonly string[] = [...new Set(AUDITED_ACTIONS.map((a) => a.entityType))].sort();
