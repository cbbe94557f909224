import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/request-context.js';
import { type OpenedSession, SessionsRepository } from './sessions.repository.js';

@Injectable()
export class SessionsService {
  constructor(private readonly sessions: SessionsRepository) {}

  open(input: { organizationId: string; userId: string; ttlHours: number }, m?: EntityManager): Promise<OpenedSession> {
    return this.sessions.create(input, m);
  }

  resolve(token: string): Promise<Caller | null> {
    return this.sessions.findCaller(token);
  }

  close(caller: Caller): Promise<void> {
    return this.sessions.revoke(caller.organizationId, caller.sessionId);
  }

  closeAllOfUser(organizationId: string, userId: string, m?: EntityManager): Promise<void> {
    return this.sessions.revokeAllOfUser(organizationId, userId, m);
  }
}
