import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof Health>;

/**
 * Readiness: the database answers and every migration this build knows is applied. Anything less
 * answers 503 `service_unavailable` naming what is missing, so a load balancer sends no traffic
 * to an instance whose schema is behind its code.
 */
export const Readiness = z
  .object({
    status: z.literal('ready'),
    migrations: z
      .object({
        applied: z.number().int().nonnegative().describe('Migrations of this build recorded as applied'),
        pending: z.literal(0).describe('Migrations of this build not applied yet: always 0 when ready'),
        latest: z.string().describe('The name of the last migration this build knows'),
      })
      .strict(),
  })
  .strict();
export type Readiness = z.infer<typeof Readiness>;
