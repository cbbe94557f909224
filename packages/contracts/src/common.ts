import { z } from 'zod';

export const Uuid = z.uuid();

export const Role = z.enum(['admin', 'recruiter', 'hiring_manager', 'interviewer']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  interviewer: 'Interviewer',
};

export const IdParams = z.strictObject({ id: Uuid });

/** Page-number pagination shared by every list. */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export type Paginated<T> = { items: T[]; page: number; pageSize: number; total: number };
