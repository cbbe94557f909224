import { Injectable } from '@nestjs/common';
import type {
  CandidateActivity,
  CandidateActivityQuery,
  CandidateNote,
  CreateCandidateNoteRequest,
} from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { type ActivityCursor, CandidateActivityRepository } from './candidate-activity.repository.js';
import { candidateErased, CandidatesService } from './candidates.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const KIND = /^[a-z_]{1,40}$/;

export function encodeCursor(c: ActivityCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.kind, c.id])).toString('base64url');
}

/** The cursor of a page, or a 400 naming the field when it is not one this API wrote. */
export function decodeCursor(raw: string): ActivityCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3) {
      const [at, kind, id] = v as unknown[];
      if (typeof at === 'string' && AT.test(at) && typeof kind === 'string' && KIND.test(kind)) {
        if (typeof id === 'string' && UUID.test(id)) return { at, kind, id };
      }
    }
  } catch {
    // falls through to the 400 below
  }
  throw AppError.invalid([{ path: 'cursor', message: 'Use the nextCursor of the previous page.' }]);
}

/** Notes on a candidate and the candidate's activity feed. */
@Injectable()
export class CandidateActivityService {
  constructor(
    private readonly activity: CandidateActivityRepository,
    private readonly candidates: CandidatesService,
    private readonly db: Db,
  ) {}

  /** Adds a note: 404 outside the organization, 409 once the candidate was erased. */
  async addNote(caller: Caller, candidateId: string, input: CreateCandidateNoteRequest): Promise<CandidateNote> {
    return this.db.transaction(async (m) => {
      const erased = await this.candidates.erased(caller.organizationId, candidateId, m);
      if (erased === null) throw AppError.notFound('candidate');
      if (erased) throw candidateErased();
      return this.activity.addNote(caller.organizationId, candidateId, caller.userId, input.body, m);
    });
  }

  async feed(caller: Caller, candidateId: string, query: CandidateActivityQuery): Promise<CandidateActivity> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    if (!(await this.candidates.exists(caller.organizationId, candidateId))) throw AppError.notFound('candidate');
    const { items, next } = await this.activity.page(
      caller.organizationId,
      candidateId,
      caller.userId,
      after,
      query.limit,
    );
    return { items, nextCursor: next ? encodeCursor(next) : null };
  }
}
