import { z } from 'zod';
import { Email, Password, PersonName } from './auth.js';
import { PageQuery, Role, Uuid, paginated } from './common.js';

export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export const UserStatus = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatus>;

export const User = z
  .object({
    id: Uuid,
    name: z.string(),
    email: z.string(),
    role: Role,
    /** `status !== 'deactivated'`; kept for older clients. */
    active: z.boolean(),
    /** `invited`: added without a password and has not accepted the invitation yet. */
    status: UserStatus,
    /** When the open invitation was last sent; null once accepted or for a user added with a password. */
    invitedAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    deactivatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserList = paginated(User);
export type UserList = z.infer<typeof UserList>;

const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(120).optional(),
  role: Role.optional(),
  active: BoolParam.optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const CreateUserRequest = z.strictObject({
  name: PersonName,
  email: Email,
  role: Role,
  /**
   * Initial password, which the admin passes on to the new user. Without it the user is invited:
   * they get an email with a link to choose their own.
   */
  password: Password.optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .strictObject({
    name: PersonName.optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Change at least one of name, role or active.',
  });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
