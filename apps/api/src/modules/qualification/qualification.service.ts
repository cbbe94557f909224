import { Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  AddTrainingSeatRequest,
  CompetencyPath,
  Interview,
  QualificationMemberList,
  QualificationMembersQuery,
  QualificationPath,
  QualificationSettings,
  StartTrainingRequest,
  UpdateQualificationSettingsRequest,
} from '@scorecard/contracts';
import {
  CALIBRATION_CHECK_MIN_UNITS,
  calibrationCheck,
  checkPairing,
  defaultLevel,
  offsetFigure,
  readiness,
  type PairingVerdict,
  type QualificationLevel,
  type QualificationPolicy,
  type TrainingMode,
} from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { CalendarInvitationsService } from '../calendar/calendar-invitations.service.js';
import { ApplicationEvents } from '../events/application-events.js';
import { InterviewsRepository } from '../interviews/interviews.repository.js';
import { InterviewsService } from '../interviews/interviews.service.js';
import { UsersService } from '../users/users.service.js';
import { type MemberRow, QualificationRepository, type SettingsRow, toSettings } from './qualification.repository.js';

/**
 * Interviewer qualification (issue 24 §5): the organization's settings, each member's path per
 * competency (levels, sessions, the calibration check, readiness from packages/domain), promotions
 * a hiring manager approves (never automatic; the audit log records each), and the training seat
 * added beside a scheduled interview.
 */
@Injectable()
export class QualificationService implements OnModuleInit {
  constructor(
    private readonly repo: QualificationRepository,
    private readonly interviews: InterviewsRepository,
    private readonly interviewsService: InterviewsService,
    private readonly users: UsersService,
    private readonly calendar: CalendarInvitationsService,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
  ) {}

  onModuleInit(): void {
    this.interviewsService.addReassignmentRule((caller, interviewId, interviewerId, m) =>
      this.checkReassignment(caller, interviewId, interviewerId, m),
    );
  }

  async settings(caller: Caller): Promise<QualificationSettings> {
    return toSettings(await this.settingsRow(caller.organizationId));
  }

  async updateSettings(caller: Caller, body: UpdateQualificationSettingsRequest): Promise<QualificationSettings> {
    const updated = await this.repo.updateSettings(caller.organizationId, body);
    if (!updated) throw AppError.notFound('organization');
    return toSettings(updated);
  }

  async mine(caller: Caller): Promise<QualificationPath> {
    const [path] = await this.paths(caller.organizationId, [caller.userId]);
    if (!path) throw AppError.notFound('user');
    return path;
  }

  /**
   * Members in training (or ready, or all), by name. `all` pages in SQL; `training` and `ready`
   * read the members in training (few) and page after readiness is known.
   */
  async list(caller: Caller, query: QualificationMembersQuery): Promise<QualificationMemberList> {
    const offset = (query.page - 1) * query.pageSize;
    if (query.filter === 'all') {
      const { ids, total } = await this.repo.memberIds(caller.organizationId, 'all', {
        limit: query.pageSize,
        offset,
      });
      const items = await this.paths(caller.organizationId, ids);
      return { items, total, page: query.page, pageSize: query.pageSize };
    }
    const { ids } = await this.repo.memberIds(caller.organizationId, 'training', null);
    const all = (await this.paths(caller.organizationId, ids)).filter(
      (p) =>
        p.competencies.some((c) => c.level !== 'qualified') &&
        (query.filter !== 'ready' || p.competencies.some((c) => c.ready)),
    );
    return {
      items: all.slice(offset, offset + query.pageSize),
      total: all.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Approves a promotion in one competency: only when ready (422 `not_ready_for_promotion`). */
  async promote(caller: Caller, userId: string, competencyKey: string): Promise<QualificationPath> {
    await this.db.transaction(async (m) => {
      if (!(await this.repo.lockMember(caller.organizationId, userId, m))) throw AppError.notFound('user');
      const [path] = await this.paths(caller.organizationId, [userId]);
      const competency = path?.competencies.find((c) => c.competencyKey === competencyKey);
      if (!competency) {
        throw AppError.invalid([
          { path: 'competencyKey', message: 'Choose a competency of your organization’s rubrics.' },
        ]);
      }
      if (userId === caller.userId) {
        throw new AppError('not_ready_for_promotion', 'Someone else approves your own promotion.');
      }
      if (!competency.ready || !competency.nextLevel) {
        throw new AppError('not_ready_for_promotion', notReadyMessage(competency));
      }
      await this.repo.setLevels(caller.organizationId, userId, [competencyKey], competency.nextLevel, caller.userId, m);
    });
    return (await this.paths(caller.organizationId, [userId]))[0]!;
  }

  /** Starts a member shadowing in the competencies given (admins: a new competency, or a fresh start). */
  async startTraining(caller: Caller, userId: string, body: StartTrainingRequest): Promise<QualificationPath> {
    await this.db.transaction(async (m) => {
      if (!(await this.repo.lockMember(caller.organizationId, userId, m))) throw AppError.notFound('user');
      const known = new Set((await this.repo.competencies(caller.organizationId)).map((c) => c.key));
      const unknown = body.competencyKeys.findIndex((k) => !known.has(k));
      if (unknown >= 0) {
        throw AppError.invalid([
          { path: `competencyKeys.${unknown}`, message: 'Choose a competency of your organization’s rubrics.' },
        ]);
      }
      await this.repo.setLevels(
        caller.organizationId,
        userId,
        [...new Set(body.competencyKeys)],
        'shadowing',
        caller.userId,
        m,
      );
    });
    return (await this.paths(caller.organizationId, [userId]))[0]!;
  }

  /**
   * Adds a shadow (or, for a reverse shadow, a qualified observer) to a scheduled interview whose
   * scorecard is not submitted, after the pairing rule (`checkPairing`); the new seat gets its
   * scorecard and a calendar invitation, and open debriefs hear that the interviews changed.
   */
  async addSeat(caller: Caller, interviewId: string, body: AddTrainingSeatRequest): Promise<Interview> {
    const seatId = await this.db.transaction(async (m) => {
      const target = await this.repo.lockSeatTarget(caller.organizationId, interviewId, m);
      if (!target) throw AppError.notFound('interview');
      if (target.status !== 'scheduled' || target.scorecard_status !== 'draft' || !target.rubric_version_id) {
        throw new AppError(
          'training_refused',
          'Only a scheduled interview whose scorecard is not submitted takes a trainee.',
        );
      }
      if (target.companion_of !== null || target.has_companion) {
        throw new AppError('training_refused', 'This interview already has a training pairing.');
      }
      const added = await this.users.findActiveMember(caller.organizationId, body.interviewerId, m);
      if (!added) {
        throw AppError.invalid([{ path: 'interviewerId', message: 'Choose an active member of your organization.' }]);
      }
      const verdict = await this.pairingVerdict(caller.organizationId, {
        mode: body.mode,
        focusCompetencyKeys: target.focus_competency_keys,
        leadId: target.interviewer_id,
        addedId: body.interviewerId,
      });
      if (!verdict.ok) throw new AppError('training_refused', verdict.message);
      const id = await this.repo.addSeat(
        caller.organizationId,
        target,
        { interviewerId: body.interviewerId, mode: body.mode, by: caller.userId },
        m,
      );
      await this.calendar.scheduled(caller.organizationId, id, m);
      await this.events.notify(m, {
        organizationId: caller.organizationId,
        applicationId: target.application_id,
        kind: 'interviews_changed',
      });
      return id;
    });
    const seat = await this.interviews.find(caller.organizationId, seatId);
    if (!seat) throw AppError.notFound('interview');
    return seat;
  }

  /**
   * A reassignment of either seat of a training pairing must leave a pairing `addSeat` would
   * accept: a shadow still beside a qualified lead, a reverse shadow still led by someone
   * reverse-shadowing, and never one person in both seats.
   */
  private async checkReassignment(
    caller: Caller,
    interviewId: string,
    interviewerId: string,
    m: EntityManager,
  ): Promise<void> {
    const pairing = await this.repo.pairingOf(caller.organizationId, interviewId, m);
    if (!pairing) return;
    const verdict = await this.pairingVerdict(caller.organizationId, {
      mode: pairing.training,
      focusCompetencyKeys: pairing.focus_competency_keys,
      leadId: pairing.is_lead ? interviewerId : pairing.partner_interviewer_id,
      addedId: pairing.is_lead ? pairing.partner_interviewer_id : interviewerId,
    });
    if (!verdict.ok) {
      const seat = pairing.is_lead ? 'This interview has a training seat beside it' : 'This is a training seat';
      throw new AppError(
        'training_refused',
        `${seat}, and the new interviewer would break the pairing. ${verdict.message}`,
      );
    }
  }

  /** The pairing rule (`checkPairing`) on the two members' current levels. */
  private async pairingVerdict(
    organizationId: string,
    pairing: { mode: TrainingMode; focusCompetencyKeys: string[]; leadId: string; addedId: string },
  ): Promise<PairingVerdict> {
    const [lead, added] = await this.levelsOf(organizationId, [pairing.leadId, pairing.addedId]);
    return checkPairing({
      mode: pairing.mode,
      focusCompetencyKeys: pairing.focusCompetencyKeys,
      interviewerLevels: lead ?? {},
      addedLevels: added ?? {},
      samePerson: pairing.leadId === pairing.addedId,
    });
  }

  private async settingsRow(organizationId: string): Promise<SettingsRow> {
    const row = await this.repo.settings(organizationId);
    if (!row) throw AppError.notFound('organization');
    return row;
  }

  /** Each member's level in every competency of the organization, recorded or by default; in the order given. */
  private async levelsOf(
    organizationId: string,
    ids: string[],
  ): Promise<(Record<string, QualificationLevel> | undefined)[]> {
    const [settings, competencies, members] = await Promise.all([
      this.settingsRow(organizationId),
      this.repo.competencies(organizationId),
      this.repo.members(organizationId, ids),
    ]);
    const byId = new Map(members.map((m) => [m.id, m]));
    return ids.map((id) => {
      const member = byId.get(id);
      if (!member) return undefined;
      return Object.fromEntries(competencies.map((c) => [c.key, levelOf(member, c.key, settings)]));
    });
  }

  /** The paths of these members (in name order), in five queries whatever their number. */
  private async paths(organizationId: string, ids: string[]): Promise<QualificationPath[]> {
    if (ids.length === 0) return [];
    const [settings, competencies, members, sessions, offsets] = await Promise.all([
      this.settingsRow(organizationId),
      this.repo.competencies(organizationId),
      this.repo.members(organizationId, ids),
      this.repo.sessions(organizationId, ids),
      this.repo.offsets(organizationId, ids),
    ]);
    const policy: QualificationPolicy = {
      shadowSessions: settings.shadowSessions,
      reverseShadowSessions: settings.reverseShadowSessions,
      needsCalibration: settings.needsCalibration,
    };
    const counted = new Map(sessions.map((s) => [`${s.user_id}:${s.competency_key}`, s]));
    return members.map((member) => {
      const figure = offsetFigure(offsets.get(member.id), CALIBRATION_CHECK_MIN_UNITS);
      const check = calibrationCheck(figure);
      return {
        member: { id: member.id, name: member.name },
        calibration: { state: check, units: figure.sample, offset: figure.value, interval: figure.interval },
        competencies: competencies.map((c): CompetencyPath => {
          const level = levelOf(member, c.key, settings);
          const s = counted.get(`${member.id}:${c.key}`);
          const progress = {
            level,
            shadowSessions: s?.shadow ?? 0,
            reverseShadowSessions: s?.reverse ?? 0,
            calibration: check,
          };
          const r = readiness(progress, policy);
          return {
            competencyKey: c.key,
            competency: c.name,
            level,
            nextLevel: r.next,
            shadowSessions: progress.shadowSessions,
            reverseShadowSessions: progress.reverseShadowSessions,
            done: r.done,
            needed: r.needed,
            calibrationRequired: r.calibrationRequired,
            ready: r.ready,
            nextStep: r.nextStep,
          };
        }),
      };
    });
  }
}

function levelOf(member: MemberRow, key: string, settings: SettingsRow): QualificationLevel {
  return member.levels[key] ?? defaultLevel(member.created_at, settings.shadowSince);
}

function notReadyMessage(c: CompetencyPath): string {
  if (c.nextLevel === null) return `Already qualified in ${c.competency}.`;
  if (c.done < c.needed) {
    const what = c.level === 'shadowing' ? 'shadow' : 'reverse-shadow';
    return `Not ready yet: ${c.done} of ${c.needed} ${what} sessions done in ${c.competency}.`;
  }
  return 'Not ready yet: the calibration check is not passed (their offset’s interval must lie within ±0.5 on 10 or more units).';
}
