import { Injectable } from '@nestjs/common';
import type {
  CancelInterviewRequest,
  Interview,
  InterviewList,
  PageQuery,
  ScheduleInterviewRequest,
  UpdateInterviewRequest,
} from '@scorecard/contracts';
import { canChangeInterview, canScheduleInterview, scheduleTimes } from '@scorecard/domain';
import type { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { CalendarInvitationsService } from '../calendar/calendar-invitations.service.js';
import { ApplicationEvents } from '../events/application-events.js';
import { UsersService } from '../users/users.service.js';
import { InterviewsRepository, type LockedInterview } from './interviews.repository.js';
import { Db } from '../../database/db.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';

type Page = z.infer<typeof PageQuery>;

/** Scheduling and reassigning both need the opening's rubric: the new scorecard is scored against it. */
const noRubric = () => new AppError('no_rubric', 'The opening has no rubric, so there is nothing to score against.');

/**
 * A rule another module owns about who may take an interview's seat (the training pairing, in
 * QualificationService). It runs inside the reassignment's transaction and throws an AppError to
 * refuse, and the reassignment then changes nothing.
 */
export type ReassignmentRule = (
  caller: Caller,
  interviewId: string,
  interviewerId: string,
  m: EntityManager,
) => Promise<void>;

@Injectable()
export class InterviewsService {
  private readonly reassignmentRules: ReassignmentRule[] = [];

  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly users: UsersService,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
    private readonly calendar: CalendarInvitationsService,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /** Adds a rule every reassignment must pass; other modules call this in `onModuleInit`. */
  addReassignmentRule(rule: ReassignmentRule): void {
    this.reassignmentRules.push(rule);
  }

  async list(caller: Caller, applicationId: string, page: Page): Promise<InterviewList> {
    const { items, total } = await this.interviews.listForApplication(caller.organizationId, applicationId, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    if (total === 0 && !(await this.interviews.applicationExists(caller.organizationId, applicationId))) {
      throw AppError.notFound('application');
    }
    return { items, total, page: page.page, pageSize: page.pageSize };
  }

  /**
   * Schedules an interview for one step of the opening's plan and gives the interviewer an empty
   * draft scorecard on the opening's rubric version, and a calendar invitation by email.
   */
  async schedule(caller: Caller, applicationId: string, input: ScheduleInterviewRequest): Promise<Interview> {
    const id = await this.db.transaction(async (m) => {
      const target = await this.interviews.lockTarget(caller.organizationId, applicationId, m);
      if (!target) throw AppError.notFound('application');
      const allowed = canScheduleInterview(target.stage);
      if (!allowed.ok) throw new AppError('wrong_stage', allowed.message);
      const step = target.plan.steps.find((s) => s.key === input.stepKey);
      if (!step)
        throw AppError.invalid([{ path: 'stepKey', message: 'Choose a step of this opening’s interview plan.' }]);
      if (!target.rubricVersionId) throw noRubric();
      await this.checkInterviewer(caller, input.interviewerId, m);
      const times = scheduleTimes({
        startsAt: new Date(input.startsAt),
        durationMinutes: input.durationMinutes ?? step.durationMinutes,
        feedbackDueAt: input.feedbackDueAt ? new Date(input.feedbackDueAt) : null,
      });
      if (!times.ok) throw AppError.invalid([{ path: times.path, message: times.message }]);
      const interviewId = await this.interviews.insert(
        caller.organizationId,
        {
          applicationId,
          stepKey: step.key,
          stepName: step.name,
          stepKind: step.kind,
          focusCompetencyKeys: step.focusCompetencyKeys,
          questionKeys: step.criterionKeys,
          interviewerId: input.interviewerId,
          startsAt: times.startsAt,
          durationMinutes: input.durationMinutes ?? step.durationMinutes,
          feedbackDueAt: times.feedbackDueAt,
          createdBy: caller.userId,
        },
        m,
      );
      await this.interviews.setDetails(
        caller.organizationId,
        interviewId,
        { timeZone: input.timeZone, location: input.location, videoLink: input.videoLink },
        m,
      );
      await this.interviews.assign(
        caller.organizationId,
        {
          interviewId,
          applicationId,
          interviewerId: input.interviewerId,
          rubricVersionId: target.rubricVersionId,
          checklistVersionId: target.checklistVersionId,
          by: caller.userId,
        },
        m,
      );
      await this.calendar.scheduled(caller.organizationId, interviewId, m);
      await this.changed(caller, applicationId, m);
      await this.webhooks.emit(caller.organizationId, 'interview.scheduled', {
        interviewId,
        applicationId,
        interviewerId: input.interviewerId,
        startsAt: times.startsAt.toISOString(),
        durationMinutes: input.durationMinutes ?? step.durationMinutes,
      });
      return interviewId;
    });
    return this.get(caller, id);
  }

  /**
   * Reschedules and/or reassigns. A new interviewer gets a fresh draft scorecard; the old draft is
   * voided and the assignment history keeps both. When the time changes and no due time is given,
   * feedback is due 24 hours after the new end. The calendar invitations follow (CalendarInvitationsService).
   */
  async update(caller: Caller, id: string, input: UpdateInterviewRequest): Promise<Interview> {
    await this.db.transaction(async (m) => {
      const current = await this.lockForChange(caller, id, input.revision, m);
      const before = await this.calendar.read(caller.organizationId, id, m);
      const timeChanged = input.startsAt !== undefined || input.durationMinutes !== undefined;
      const durationMinutes = input.durationMinutes ?? current.durationMinutes;
      const times = scheduleTimes({
        startsAt: input.startsAt ? new Date(input.startsAt) : current.startsAt,
        durationMinutes,
        feedbackDueAt: input.feedbackDueAt ? new Date(input.feedbackDueAt) : timeChanged ? null : current.feedbackDueAt,
      });
      if (!times.ok) throw AppError.invalid([{ path: times.path, message: times.message }]);
      const reassigned = input.interviewerId !== undefined && input.interviewerId !== current.interviewerId;
      if (reassigned) {
        await this.checkInterviewer(caller, input.interviewerId!, m);
        for (const rule of this.reassignmentRules) await rule(caller, id, input.interviewerId!, m);
        if (current.scorecardId) await this.interviews.voidScorecard(caller.organizationId, current.scorecardId, m);
        await this.interviews.assign(
          caller.organizationId,
          {
            interviewId: id,
            applicationId: current.applicationId,
            interviewerId: input.interviewerId!,
            ...(current.rubricVersionId
              ? { rubricVersionId: current.rubricVersionId, checklistVersionId: current.checklistVersionId }
              : await this.versionsOf(caller, current, m)),
            by: caller.userId,
          },
          m,
        );
      }
      await this.interviews.update(
        caller.organizationId,
        id,
        {
          interviewerId: reassigned ? input.interviewerId! : current.interviewerId,
          startsAt: times.startsAt,
          durationMinutes,
          feedbackDueAt: times.feedbackDueAt,
          status: current.status,
        },
        m,
      );
      await this.interviews.setDetails(
        caller.organizationId,
        id,
        { timeZone: input.timeZone, location: input.location, videoLink: input.videoLink },
        m,
      );
      if (before) await this.calendar.updated(caller.organizationId, before, m);
      await this.changed(caller, current.applicationId, m);
    });
    return this.get(caller, id);
  }

  /** Cancels an interview, and the training seat beside it; their draft scorecards are voided, never deleted. */
  async cancel(caller: Caller, id: string, input: CancelInterviewRequest): Promise<Interview> {
    await this.db.transaction(async (m) => {
      const current = await this.lockForChange(caller, id, input.revision, m);
      if (current.scorecardId) await this.interviews.voidScorecard(caller.organizationId, current.scorecardId, m);
      await this.interviews.update(
        caller.organizationId,
        id,
        { ...current, status: 'cancelled', cancelledBy: caller.userId },
        m,
      );
      await this.calendar.cancelled(caller.organizationId, id, m);
      // A shadow (or observer) beside it has nothing left to sit in on.
      const seat = await this.interviews.cancelCompanion(caller.organizationId, id, caller.userId, m);
      if (seat) await this.calendar.cancelled(caller.organizationId, seat, m);
      await this.changed(caller, current.applicationId, m);
      await this.webhooks.emit(caller.organizationId, 'interview.cancelled', {
        interviewId: id,
        applicationId: current.applicationId,
      });
    });
    return this.get(caller, id);
  }

  /** Tells open debriefs of the application, on commit, that its pending interviews changed. */
  private changed(caller: Caller, applicationId: string, m: EntityManager): Promise<void> {
    return this.events.notify(m, { organizationId: caller.organizationId, applicationId, kind: 'interviews_changed' });
  }

  private async get(caller: Caller, id: string): Promise<Interview> {
    const interview = await this.interviews.find(caller.organizationId, id);
    if (!interview) throw AppError.notFound('interview');
    return interview;
  }

  private async lockForChange(
    caller: Caller,
    id: string,
    revision: number,
    m: EntityManager,
  ): Promise<LockedInterview> {
    const current = await this.interviews.lock(caller.organizationId, id, m);
    if (!current) throw AppError.notFound('interview');
    if (current.revision !== revision) {
      throw new AppError('stale_revision', 'Someone changed this interview after you loaded it. Reload to see it.');
    }
    const verdict = canChangeInterview({ status: current.status, scorecardStatus: current.scorecardStatus });
    if (!verdict.ok) throw new AppError('invalid_transition', verdict.message);
    return current;
  }

  private async checkInterviewer(caller: Caller, interviewerId: string, m: EntityManager): Promise<void> {
    if (!(await this.users.findActiveMember(caller.organizationId, interviewerId, m))) {
      throw AppError.invalid([{ path: 'interviewerId', message: 'Choose an active member of your organization.' }]);
    }
  }

  /** The rubric and checklist versions for a new scorecard when the interview has no live one (its opening's). */
  private async versionsOf(
    caller: Caller,
    current: LockedInterview,
    m: EntityManager,
  ): Promise<{ rubricVersionId: string; checklistVersionId: string | null }> {
    const target = await this.interviews.lockTarget(caller.organizationId, current.applicationId, m);
    if (!target?.rubricVersionId) throw noRubric();
    return { rubricVersionId: target.rubricVersionId, checklistVersionId: target.checklistVersionId };
  }
}
