import { Injectable } from '@nestjs/common';
import type {
  Candidate,
  CandidateList,
  CandidateListQuery,
  CreateCandidateRequest,
  UpdateCandidateRequest,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { CandidateEmailTakenError, CandidatesRepository } from './candidates.repository.js';
import { Db } from '../../database/db.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';

const emailTaken = () =>
  new AppError('email_taken', 'A candidate with this email already exists in your organization.', {
    errors: [{ path: 'email', message: 'A candidate with this email already exists.' }],
  });

/** An erased candidate's record no longer changes, and takes no new applications. */
export const candidateErased = () =>
  new AppError('invalid_transition', 'This candidate’s personal data was erased: their record no longer changes.');

@Injectable()
export class CandidatesService {
  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly db: Db,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async list(caller: Caller, query: CandidateListQuery): Promise<CandidateList> {
    const { items, total } = await this.candidates.list(caller.organizationId, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(caller: Caller, id: string): Promise<Candidate> {
    const c = await this.candidates.find(caller.organizationId, id);
    if (!c) throw AppError.notFound('candidate');
    return c;
  }

  async create(caller: Caller, input: CreateCandidateRequest): Promise<Candidate> {
    try {
      const id = await this.db.transaction((m) =>
        this.candidates.insert(caller.organizationId, caller.userId, input, m),
      );
      await this.webhooks.emit(caller.organizationId, 'candidate.created', { candidateId: id });
      return await this.get(caller, id);
    } catch (err) {
      if (err instanceof CandidateEmailTakenError) throw emailTaken();
      throw err;
    }
  }

  async update(caller: Caller, id: string, input: UpdateCandidateRequest): Promise<Candidate> {
    const { revision, ...change } = input;
    try {
      await this.db.transaction(async (m) => {
        if (await this.candidates.update(caller.organizationId, id, revision, change, m)) return;
        const erased = await this.candidates.erased(caller.organizationId, id, m);
        if (erased === null) throw AppError.notFound('candidate');
        if (erased) throw candidateErased();
        throw new AppError(
          'stale_revision',
          'Someone changed this candidate after you opened it. Reload to see their changes.',
        );
      });
    } catch (err) {
      if (err instanceof CandidateEmailTakenError) throw emailTaken();
      throw err;
    }
    return this.get(caller, id);
  }

  /** Whether the candidate was erased; null when the candidate is not the organization's. */
  erased(organizationId: string, id: string, m?: EntityManager): Promise<boolean | null> {
    return this.candidates.erased(organizationId, id, m);
  }

  exists(organizationId: string, id: string, m?: EntityManager): Promise<boolean> {
    return this.candidates.exists(organizationId, id, m);
  }
}
