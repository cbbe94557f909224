import { Injectable } from '@nestjs/common';
import { NO_HIRE_REASON_REQUIRED, type DecideRequest, type Decision } from '@scorecard/contracts';
import { canSeePanelFeedback, checkDecision, stageForDecision } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { ApplicationEvents } from '../events/application-events.js';
import { DecisionsRepository } from './decisions.repository.js';
import { Db } from '../../database/db.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly applications: ApplicationsService,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * Records the debrief's outcome: by the opening's hiring manager or an admin, who has read the
   * panel's feedback (no draft of their own pending), on the application revision they saw, at the
   * debrief stage, acknowledging any dealbreaker to hire. Hire moves the application to offer and
   * no hire to rejected, through the pipeline's own rule and timeline, with the rationale as the
   * move's note; hold leaves it in debrief. All in one transaction, announced to open debriefs on commit.
   */
  async decide(caller: Caller, applicationId: string, input: DecideRequest): Promise<Decision> {
    return this.db.transaction(async (m) => {
      const current = await this.applications.lock(caller, applicationId, m);
      const context = await this.decisions.context(caller.organizationId, applicationId, caller.userId, m);
      if (!context) throw AppError.notFound('application');
      if (caller.role !== 'admin' && context.hiringManagerId !== caller.userId) {
        throw new AppError('forbidden', 'Only the opening’s hiring manager or an admin records its decision.');
      }
      if (!canSeePanelFeedback({ role: caller.role, ...context })) {
        throw new AppError(
          'forbidden',
          'Submit your own scorecard for this candidate first: you decide after giving your own feedback.',
        );
      }
      if (current.revision !== input.revision) {
        throw new AppError(
          'stale_revision',
          'This application changed after you loaded the debrief (moved, or decided by someone else). Reload it.',
        );
      }
      const verdict = checkDecision({
        decision: input.decision,
        stage: current.stage,
        dealbreakers: context.dealbreakers,
        acknowledgedDealbreakers: input.acknowledgeDealbreakers,
      });
      if (!verdict.ok) throw new AppError(verdict.code, verdict.message);

      const decision = await this.decisions.insert(
        caller.organizationId,
        {
          applicationId,
          decision: input.decision,
          rationale: input.rationale,
          acknowledgedDealbreakers: input.acknowledgeDealbreakers && context.dealbreakers > 0,
          by: caller.userId,
        },
        m,
      );
      const to = stageForDecision(input.decision);
      // A rejection says why: the contract requires the reason with a no hire, and so does this
      // service for callers that skip the contract (the demo seed), never a silent "Other".
      if (to === 'rejected' && !input.rejectionReason) {
        throw AppError.invalid([{ path: 'rejectionReason', message: NO_HIRE_REASON_REQUIRED }]);
      }
      if (to) {
        await this.applications.moveLocked(
          caller,
          applicationId,
          current.stage,
          { to, reason: to === 'rejected' ? (input.rejectionReason ?? null) : null, note: input.rationale },
          m,
        );
      } else {
        // A hold moves nothing, but a decision taken on the view before it must not pass unnoticed.
        await this.applications.touchLocked(caller, applicationId, m);
      }
      await this.events.notify(m, {
        organizationId: caller.organizationId,
        applicationId,
        kind: 'decision_recorded',
      });
      await this.webhooks.emit(caller.organizationId, 'decision.recorded', {
        decisionId: decision.id,
        applicationId,
        decision: input.decision,
      });
      return decision;
    });
  }
}
