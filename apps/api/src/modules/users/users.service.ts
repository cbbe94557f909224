import { Injectable } from '@nestjs/common';
import type {
  CreateUserRequest,
  PeopleList,
  PeopleQuery,
  Role,
  UpdateUserRequest,
  User,
  UserList,
  UserListQuery,
} from '@scorecard/contracts';
import { checkMemberChange } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { hashPassword } from '../auth/password.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { EmailTakenError, type LoginAccount, UsersRepository } from './users.repository.js';
import { Db } from '../../database/db.js';

const emailTaken = () => new AppError('email_taken', 'A user with this email already exists.');

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly db: Db,
  ) {}

  async list(caller: Caller, query: UserListQuery): Promise<UserList> {
    const { items, total } = await this.users.list(caller.organizationId, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(caller: Caller, id: string): Promise<User> {
    const user = await this.users.findById(caller.organizationId, id);
    if (!user) throw AppError.notFound('user');
    return user;
  }

  create(caller: Caller, input: CreateUserRequest): Promise<User> {
    return this.createMember({ organizationId: caller.organizationId, ...input });
  }

  /**
   * Adds a member to an organization; also used by sign-up and the demo seed. Without a password
   * the member is invited (no password, `invited_at` set): the caller sends the invitation.
   */
  async createMember(
    input: {
      organizationId: string;
      name: string;
      email: string;
      role: Role;
      password?: string;
      /** Signs in through the identity provider (SSO, SCIM): no password, no invitation. */
      federated?: boolean;
    },
    m?: EntityManager,
  ): Promise<User> {
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    try {
      return await this.users.insert({ ...input, passwordHash }, m);
    } catch (err) {
      if (err instanceof EmailTakenError) throw emailTaken();
      throw err;
    }
  }

  async people(caller: Caller, query: PeopleQuery): Promise<PeopleList> {
    const { items, total } = await this.users.people(caller.organizationId, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** An active member of the organization, or null. */
  async findActiveMember(organizationId: string, id: string, m?: EntityManager): Promise<User | null> {
    const user = await this.users.findById(organizationId, id, m);
    return user?.active ? user : null;
  }

  /** Which of these ids are active members of the organization. */
  activeMemberIds(organizationId: string, ids: string[], m?: EntityManager): Promise<string[]> {
    return this.users.activeIds(organizationId, ids, m);
  }

  /** Every account that signs in with this email (one per organization), most recently used first. */
  findForLogin(email: string): Promise<LoginAccount[]> {
    return this.users.findForLogin(email);
  }

  markSignedIn(organizationId: string, id: string, m?: EntityManager): Promise<void> {
    return this.users.markSignedIn(organizationId, id, m);
  }

  /** The member with this email in the organization (any status), locked; null when there is none. */
  findByEmail(organizationId: string, email: string): Promise<User | null> {
    return this.users.findByEmail(organizationId, email);
  }

  /** Ends an open invitation without a password (the person signed in through SSO). */
  endInvitation(organizationId: string, id: string): Promise<void> {
    return this.users.endInvitation(organizationId, id);
  }

  /**
   * Renames, changes the role of, or (de)activates a member. Deactivation ends their sessions at
   * once; the organization always keeps an active admin.
   */
  update(caller: Caller, id: string, change: UpdateUserRequest): Promise<User> {
    return this.db.transaction(async (m) => {
      const activeAdmins = await this.users.lockActiveAdmins(caller.organizationId, m);
      const before = await this.users.findById(caller.organizationId, id, m, true);
      if (!before) throw AppError.notFound('user');
      const after = { role: change.role ?? before.role, active: change.active ?? before.active };
      const verdict = checkMemberChange({ before, after, activeAdmins });
      if (!verdict.ok) {
        throw new AppError(
          'last_admin',
          'This is the last active admin of the organization. Make someone else an admin first.',
        );
      }
      const updated = await this.users.update(caller.organizationId, id, change, m);
      if (before.active && !updated.active) await this.sessions.closeAllOfUser(caller.organizationId, id, m);
      return updated;
    });
  }

  /**
   * A user with an open (or revoked) invitation, locked for the change that follows, in the current
   * transaction: not found for another organization's id, `not_invited` once they have a password.
   */
  async findInvitee(organizationId: string, id: string): Promise<User> {
    const found = await this.users.findWithPasswordState(organizationId, id);
    if (!found) throw AppError.notFound('user');
    if (found.hasPassword) {
      throw new AppError(
        'not_invited',
        `${found.user.name} has already set a password: there is no invitation to change.`,
      );
    }
    return found.user;
  }

  /** Marks the invitation sent now (and the user active again if it had been revoked). */
  markInvited(organizationId: string, id: string): Promise<User> {
    return this.users.markInvited(organizationId, id);
  }

  /** Sets a member's password hash and ends their open invitation, in the current transaction. */
  async setPassword(organizationId: string, id: string, passwordHash: string): Promise<void> {
    await this.users.setPassword(organizationId, id, passwordHash);
  }
}
