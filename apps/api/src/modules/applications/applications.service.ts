import { Injectable } from '@nestjs/common';
import {
  type Application,
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
import { AlreadyAppliedError, ApplicationsRepository } from './applications.repository.js';
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

  async board(caller: Caller, openingId: string, perColumn: number): Promise<PipelineBoard> {
    const opening = await this.openings.header(caller.organizationId, openingId);
    if (!opening) throw AppError.notFound('opening');
    const stuckDays = await this.applications.stuckDays(caller.organizationId);
    const { counts, cards } = await this.applications.board(
      caller.organizationId,
      openingId,
      perColumn,
      caller.userId,
      stuckDays,
    );
    return {
      opening,
      cardsPerColumn: perColumn,
      stuckDays,
      columns: Stage.options.map((stage) => ({
        stage,
        count: counts.get(stage) ?? 0,
        cards: cards.filter((c) => c.stage === stage),
      })),
    };
  }
}
