import { Injectable } from '@nestjs/common';
import {
  type Application,
  type BoardColumnPage,
  type BoardColumnQuery,
  type MoveApplicationRequest,
  type PipelineBoard,
  Stage,
  type StageReason,
} from '@scorecard/contracts';
import { checkStageMove, checkUndo } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { candidateErased, CandidatesService } from '../candidates/candidates.service.js';
import { OpeningsService } from '../openings/openings.service.js';
import { AlreadyAppliedError, ApplicationsRepository, type BoardPosition } from './applications.repository.js';
import { Db } from '../../database/db.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly candidates: CandidatesService,
    private readonly openings: OpeningsService,
    private readonly db: Db,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async get(caller: Caller, id: string): Promise<Application> {
    const a = await this.applications.find(caller.organizationId, id);
    if (!a) throw AppError.notFound('application');
    return a;
  }

  /** A candidate applies to an open opening once; the first stage move is recorded too. */
  async apply(caller: Caller, candidateId: string, openingId: string): Promise<Application> {
    const id = await this.db.transaction(async (m) => {
      const [candidate, opening] = await Promise.all([
        this.candidates.erased(caller.organizationId, candidateId, m),
        this.openings.header(caller.organizationId, openingId, m),
      ]);
      if (candidate === null) throw AppError.notFound('candidate');
      if (candidate) throw candidateErased();
      if (!opening) throw AppError.notFound('opening');
      if (opening.status !== 'open') {
        throw new AppError('stage_move_refused', `“${opening.title}” is not open, so nobody can apply to it.`);
      }
      try {
        const applicationId = await this.applications.insert(caller.organizationId, candidateId, openingId, m);
        await this.applications.recordMove(
          caller.organizationId,
          { applicationId, from: null, to: 'applied', reason: null, note: '', by: caller.userId },
          m,
        );
        await this.webhooks.emit(caller.organizationId, 'application.created', {
          applicationId,
          candidateId,
          openingId,
          stage: 'applied',
        });
        return applicationId;
      } catch (err) {
        if (err instanceof AlreadyAppliedError) {
          throw new AppError('already_applied', 'This candidate has already applied to this opening.');
        }
        throw err;
      }
    });
    return this.get(caller, id);
  }

  /**
   * Moves an application if the move is allowed and nobody moved it since the caller looked
   * (`revision`); records who, when, from, to and why.
   */
  async move(caller: Caller, id: string, input: MoveApplicationRequest): Promise<Application> {
    await this.db.transaction(async (m) => {
      const current = await this.lock(caller, id, m);
      if (current.revision !== input.revision) {
        throw new AppError(
          'stale_revision',
          'Someone moved this application after you loaded it. Here is where it is now.',
        );
      }
      if (input.undoOf) {
        await this.undoLocked(caller, id, current.stage, { undoOf: input.undoOf, to: input.to, note: input.note }, m);
        return;
      }
      await this.moveLocked(
        caller,
        id,
        current.stage,
        { to: input.to, reason: input.reason ?? null, note: input.note },
        m,
      );
    });
    return this.get(caller, id);
  }

  /**
   * Takes back the caller's own latest move (`checkUndo`): the application returns to the stage that
   * move came from, recorded as a new move naming the one it undid, so the timeline keeps both.
   */
  private async undoLocked(
    caller: Caller,
    id: string,
    from: Stage,
    undo: { undoOf: string; to: Stage; note: string },
    m: EntityManager,
  ): Promise<void> {
    const last = await this.applications.lastMove(caller.organizationId, id, m);
    const verdict = checkUndo({ undoOf: undo.undoOf, last, callerId: caller.userId, now: new Date() });
    if (!verdict.ok) throw new AppError('stage_move_refused', verdict.message);
    if (verdict.to !== undo.to || last!.to !== from) {
      throw new AppError('stage_move_refused', `Undoing that move returns the application to ${verdict.to}.`);
    }
    await this.applications.setStage(caller.organizationId, id, verdict.to, m);
    await this.applications.recordMove(
      caller.organizationId,
      { applicationId: id, from, to: verdict.to, reason: null, note: undo.note, by: caller.userId, undoes: last!.id },
      m,
    );
    await this.webhooks.emit(caller.organizationId, 'application.moved', { applicationId: id, from, to: verdict.to });
  }

  /** Locks an application of the caller's organization for a change in `m` (404 when there is none). */
  async lock(caller: Caller, id: string, m: EntityManager): Promise<{ stage: Stage; revision: number }> {
    const current = await this.applications.lock(caller.organizationId, id, m);
    if (!current) throw AppError.notFound('application');
    return current;
  }

  /**
   * Moves an application locked by `lock` in the same transaction, as `checkStageMove` allows (422
   * with the rule's sentence otherwise), and records the move in its timeline.
   */
  async moveLocked(
    caller: Caller,
    id: string,
    from: Stage,
    move: { to: Stage; reason: StageReason | null; note: string },
    m: EntityManager,
  ): Promise<void> {
    const verdict = checkStageMove({ from, to: move.to, reason: move.reason });
    if (!verdict.ok) throw new AppError('stage_move_refused', verdict.message);
    await this.applications.setStage(caller.organizationId, id, move.to, m);
    await this.applications.recordMove(
      caller.organizationId,
      { applicationId: id, from, to: move.to, reason: move.reason, note: move.note, by: caller.userId },
      m,
    );
    await this.webhooks.emit(caller.organizationId, 'application.moved', { applicationId: id, from, to: move.to });
  }

  /** Marks a locked application as changed without moving it, so a change based on an older view answers 409. */
  async touchLocked(caller: Caller, id: string, m: EntityManager): Promise<void> {
    await this.applications.bumpRevision(caller.organizationId, id, m);
  }

  /** The board: every column's count and first `perColumn` cards, with the cursor for the rest. */
  async board(caller: Caller, openingId: string, perColumn: number): Promise<PipelineBoard> {
    const opening = await this.openings.header(caller.organizationId, openingId);
    if (!opening) throw AppError.notFound('opening');
    const stuckDays = await this.applications.stuckDays(caller.organizationId);
    const columns = await this.columns(caller, openingId, Stage.options, perColumn, null, stuckDays);
    return { opening, cardsPerColumn: perColumn, stuckDays, columns };
  }

  /** One column's next page, after the cursor the board (or the previous page) gave. */
  async boardColumn(
    caller: Caller,
    openingId: string,
    stage: Stage,
    query: BoardColumnQuery,
  ): Promise<BoardColumnPage> {
    const after = query.after === undefined ? null : decodeBoardCursor(query.after, stage);
    const opening = await this.openings.header(caller.organizationId, openingId);
    if (!opening) throw AppError.notFound('opening');
    const stuckDays = await this.applications.stuckDays(caller.organizationId);
    const [column] = await this.columns(caller, openingId, [stage], query.limit, after, stuckDays);
    return column!;
  }

  private async columns(
    caller: Caller,
    openingId: string,
    stages: readonly Stage[],
    limit: number,
    after: BoardPosition | null,
    stuckDays: number,
  ): Promise<BoardColumnPage[]> {
    const counts = await this.applications.columnCounts(caller.organizationId, openingId, stages);
    const { cards, next } = await this.applications.columnCards(
      caller.organizationId,
      openingId,
      { stages, limit, after },
      caller.userId,
      stuckDays,
    );
    return stages.map((stage) => {
      const position = next.get(stage);
      return {
        stage,
        count: counts.get(stage) ?? 0,
        cards: cards.filter((c) => c.stage === stage),
        nextCursor: position ? encodeBoardCursor(stage, position) : null,
      };
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

/** A column's cursor: its stage (so a cursor of another column is refused) and the last card's position. */
export function encodeBoardCursor(stage: Stage, p: BoardPosition): string {
  return Buffer.from(JSON.stringify([stage, p.enteredAt, p.id])).toString('base64url');
}

/** The position a cursor of `stage` names, or a 400 naming `after` when it is not one this API wrote for it. */
export function decodeBoardCursor(raw: string, stage: Stage): BoardPosition {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3) {
      const [s, enteredAt, id] = v as unknown[];
      if (
        s === stage &&
        typeof enteredAt === 'string' &&
        AT.test(enteredAt) &&
        typeof id === 'string' &&
        UUID.test(id)
      ) {
        return { enteredAt: `${enteredAt}Z`, id };
      }
    }
  } catch {
    // falls through to the 400 below
  }
  throw AppError.invalid([{ path: 'after', message: 'Use the nextCursor of this column.' }]);
}
