import { Injectable } from '@nestjs/common';
import type {
  CastVoteRequest,
  FieldError,
  Meeting,
  MeetingMovement,
  MeetingRecord,
  MeetingRoundRecord,
  MeetingSummary,
  MeetingVote,
  Paginated,
  RevealRoundRequest,
} from '@scorecard/contracts';
import {
  afterVote,
  checkMeetingAction,
  discussionOrder,
  MIN_MEETING_PANEL,
  panelMovement,
  RECOMMENDATION_SCALE,
  roundRevealed,
  votingRound,
  type MeetingAction,
} from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { ApplicationEvents } from '../events/application-events.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { MeetingsRepository, type MeetingHead, type MemberRow, type VoteRow } from './meetings.repository.js';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function asVote(v: VoteRow): MeetingVote {
  return { memberId: v.memberId, castAt: iso(v.castAt), recommendation: v.recommendation, ratings: v.ratings };
}

/** A question's value in a vote, on the 1–4 scale: a competency's rating, or the recommendation. */
function valueOf(v: VoteRow, key: string): number | undefined {
  return key === 'recommendation' ? RECOMMENDATION_SCALE[v.recommendation] : v.ratings[key];
}

/**
 * Movement between the rounds for every question, recommendation first: for the members who voted
 * in both, the domain's `panelMovement` against the others' first-round mean.
 */
export function meetingMovement(
  competencies: readonly { key: string; name: string }[],
  first: readonly VoteRow[],
  second: readonly VoteRow[],
): MeetingMovement {
  const questions = [{ key: 'recommendation', name: 'Overall recommendation' }, ...competencies].map((q) => {
    const seconds = new Map(second.map((v) => [v.memberId, valueOf(v, q.key)]));
    const votes = first.flatMap((v) => {
      const a = valueOf(v, q.key);
      const b = seconds.get(v.memberId);
      return a === undefined || b === undefined ? [] : [{ member: v.memberId, first: a, second: b }];
    });
    const p = panelMovement(votes);
    return {
      key: q.key,
      name: q.name,
      members: p.members.map((m) => ({
        memberId: m.member,
        first: m.first,
        second: m.second,
        othersMean: m.othersMean,
        movement: m.movement,
      })),
      toward: p.toward,
      away: p.away,
      stayed: p.stayed,
    };
  });
  const sum = (k: 'toward' | 'away' | 'stayed') => questions.reduce((s, q) => s + q[k], 0);
  return { questions, toward: sum('toward'), away: sum('away'), stayed: sum('stayed') };
}

interface Loaded {
  head: MeetingHead;
  members: MemberRow[];
  votes: VoteRow[];
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly scorecards: ScorecardsService,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
  ) {}

  /**
   * Starts a meeting on an application in debrief, hosted by the caller (the opening's hiring
   * manager or an admin, who may see the panel's feedback). The panel is the host and every
   * interviewer with a submitted scorecard (imported ones have no person in the room); it needs
   * someone besides the host. One open meeting per application (409).
   */
  async start(caller: Caller, applicationId: string): Promise<Meeting> {
    await this.scorecards.checkPanelAccess(caller, applicationId);
    const id = await this.db.transaction(async (m) => {
      const context = await this.meetings.startContext(caller.organizationId, applicationId, m);
      if (!context) throw AppError.notFound('application');
      if (caller.role !== 'admin' && context.hiringManagerId !== caller.userId) {
        throw new AppError('forbidden', 'Only the opening’s hiring manager or an admin starts a debrief meeting.');
      }
      if (context.stage !== 'debrief') {
        throw new AppError('wrong_stage', 'A meeting is held while the application is in debrief.');
      }
      if (!context.rubricVersionId) throw new AppError('no_rubric', 'The opening has no rubric to vote on.');
      if (context.openMeetingId) throw openAlready();
      const members = [caller.userId, ...context.interviewers.filter((u) => u !== caller.userId)];
      if (members.length < MIN_MEETING_PANEL) {
        throw new AppError(
          'invalid_transition',
          'Nobody else has submitted a scorecard for this candidate yet, so there is no panel to meet.',
        );
      }
      const created = await this.meetings.insert(
        caller.organizationId,
        { applicationId, rubricVersionId: context.rubricVersionId, hostId: caller.userId, members },
        m,
      );
      if (!created) throw openAlready();
      await this.announce(caller, applicationId, m);
      return created;
    });
    return this.get(caller, id);
  }

  /** An application's meetings, newest first: whoever may read its debrief. */
  async list(
    caller: Caller,
    applicationId: string,
    page: { page: number; pageSize: number },
  ): Promise<Paginated<MeetingSummary>> {
    await this.scorecards.checkPanelAccess(caller, applicationId);
    const { rows, total } = await this.meetings.list(caller.organizationId, applicationId, page);
    return {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        host: { id: r.host_id, name: r.host_name },
        startedAt: iso(r.started_at),
        finishedAt: isoOrNull(r.finished_at),
        cancelledAt: isoOrNull(r.cancelled_at),
      })),
      page: page.page,
      pageSize: page.pageSize,
      total,
    };
  }

  /** A meeting as the caller may see it: 404 outside the organization, 403 as the debrief (independence rule). */
  async get(caller: Caller, id: string): Promise<Meeting> {
    const loaded = await this.load(caller, id);
    return this.view(caller, loaded);
  }

  /**
   * The caller's vote in the open round, cast or changed until the reveal: a rating for every
   * competency of the meeting's rubric and an overall recommendation. The last member's vote reveals
   * the round (round 2: finishes the meeting).
   */
  async vote(caller: Caller, id: string, input: CastVoteRequest): Promise<Meeting> {
    await this.db.transaction(async (m) => {
      const { meeting, member } = await this.lockFor(caller, id, m);
      this.check(caller, meeting, member, 'vote', input.round, 0);
      const head = await this.meetings.head(caller.organizationId, id);
      const keys = new Set(head!.competencies.map((c) => c.key));
      const given = new Map<string, number>();
      const errors: FieldError[] = [];
      input.ratings.forEach((r, i) => {
        if (!keys.has(r.competencyKey)) {
          errors.push({ path: `ratings.${i}.competencyKey`, message: 'Not a competency of this meeting’s rubric.' });
        } else if (given.has(r.competencyKey)) {
          errors.push({ path: `ratings.${i}.competencyKey`, message: 'One vote per competency.' });
        } else given.set(r.competencyKey, r.rating);
      });
      for (const c of head!.competencies) {
        if (!given.has(c.key)) errors.push({ path: 'ratings', message: `Vote on ${c.name} too.` });
      }
      if (errors.length > 0) throw AppError.invalid(errors);
      await this.meetings.saveVote(
        caller.organizationId,
        {
          meetingId: id,
          round: input.round,
          userId: caller.userId,
          recommendation: input.recommendation,
          ratings: Object.fromEntries(given),
        },
        m,
      );
      const { cast, members } = await this.meetings.tally(caller.organizationId, id, input.round, m);
      const next = afterVote(meeting.status, cast, members);
      if (next !== meeting.status) await this.meetings.setStatus(caller.organizationId, id, next, m);
      await this.announce(caller, meeting.applicationId, m);
    });
    return this.get(caller, id);
  }

  /** The host reveals the open round before everyone has voted (at least one vote in); round 2 finishes the meeting. */
  async reveal(caller: Caller, id: string, input: RevealRoundRequest): Promise<Meeting> {
    return this.transition(caller, id, 'reveal', input.round);
  }

  /** The host opens the second silent round after the discussion. */
  async openRoundTwo(caller: Caller, id: string): Promise<Meeting> {
    return this.transition(caller, id, 'open_round_2');
  }

  /** The host or an admin cancels an open meeting. */
  async cancel(caller: Caller, id: string): Promise<Meeting> {
    return this.transition(caller, id, 'cancel');
  }

  /**
   * The application's most recently finished meeting as kept with the decision (both rounds, the
   * movement, the timings), or null when none finished. Same access as the debrief: 404 outside the
   * organization, 403 under the independence rule. Called by the committee packet.
   */
  async latestFinished(caller: Caller, applicationId: string): Promise<MeetingRecord | null> {
    await this.scorecards.checkPanelAccess(caller, applicationId);
    const id = await this.meetings.latestFinishedId(caller.organizationId, applicationId);
    return id ? this.record(await this.load(caller, id)) : null;
  }

  /**
   * The finished meetings on a candidate's applications, oldest first, for the candidate's data
   * export (admins, whom the privacy service has checked): votes are opinions about the candidate.
   * Reading them for an export records no feedback view.
   */
  async finishedForCandidate(caller: Caller, candidateId: string): Promise<MeetingRecord[]> {
    const ids = await this.meetings.finishedIdsOfCandidate(caller.organizationId, candidateId);
    const records: MeetingRecord[] = [];
    for (const id of ids) records.push(this.record(await this.load(caller, id, { recordView: false })));
    return records;
  }

  /** A finished meeting as kept with the decision. */
  private record({ head, members, votes }: Loaded): MeetingRecord {
    return {
      id: head.id,
      applicationId: head.applicationId,
      host: { id: head.hostId, name: head.hostName },
      members: members.map((mm) => ({ id: mm.id, name: mm.name, host: mm.id === head.hostId })),
      competencies: head.competencies.map((c) => ({ key: c.key, name: c.name })),
      startedAt: iso(head.startedAt),
      finishedAt: iso(head.finishedAt!),
      rounds: this.rounds(head, votes),
      movement: meetingMovement(
        head.competencies,
        votes.filter((v) => v.round === 1),
        votes.filter((v) => v.round === 2),
      ),
    };
  }

  private async transition(caller: Caller, id: string, action: MeetingAction, round?: 1 | 2): Promise<Meeting> {
    await this.db.transaction(async (m) => {
      const { meeting, member } = await this.lockFor(caller, id, m);
      const current = votingRound(meeting.status);
      const cast = current ? (await this.meetings.tally(caller.organizationId, id, current, m)).cast : 0;
      const next = this.check(caller, meeting, member, action, round, cast);
      await this.meetings.setStatus(caller.organizationId, id, next, m);
      await this.announce(caller, meeting.applicationId, m);
    });
    return this.get(caller, id);
  }

  /** Locks the meeting and checks the caller may see it (404, then 403 as the debrief does). */
  private async lockFor(caller: Caller, id: string, m: EntityManager) {
    const meeting = await this.meetings.lock(caller.organizationId, id, m);
    if (!meeting) throw AppError.notFound('meeting');
    await this.scorecards.checkPanelAccess(caller, meeting.applicationId);
    const member = await this.meetings.isMember(caller.organizationId, id, caller.userId, m);
    return { meeting, member };
  }

  /** The domain's verdict on an action, thrown when refused; the next status when allowed. */
  private check(
    caller: Caller,
    meeting: { status: Meeting['status']; hostId: string },
    member: boolean,
    action: MeetingAction,
    round: 1 | 2 | undefined,
    votesCast: number,
  ) {
    const verdict = checkMeetingAction({
      status: meeting.status,
      action,
      round,
      actor: { host: meeting.hostId === caller.userId, member, admin: caller.role === 'admin' },
      votesCast,
    });
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    return verdict.next;
  }

  /** Within the write's transaction: every open debrief and meeting of the application refetches on commit. */
  private announce(caller: Caller, applicationId: string, m: EntityManager): Promise<void> {
    return this.events.notify(m, { organizationId: caller.organizationId, applicationId, kind: 'meeting_changed' });
  }

  private async load(caller: Caller, id: string, options = { recordView: true }): Promise<Loaded> {
    const applicationId = await this.meetings.applicationOf(caller.organizationId, id);
    if (!applicationId) throw AppError.notFound('meeting');
    await this.scorecards.checkPanelAccess(caller, applicationId);
    const [head, members, votes] = await Promise.all([
      this.meetings.head(caller.organizationId, id),
      this.meetings.members(caller.organizationId, id),
      this.meetings.visibleVotes(caller.organizationId, id, caller.userId),
    ]);
    if (!head) throw AppError.notFound('meeting');
    // Revealed votes are the panel's feedback: an amendment made after reading them is labelled so.
    if (options.recordView && roundRevealed(head.status, 1)) {
      await this.scorecards.recordFeedbackViews(caller, [head.applicationId]);
    }
    return { head, members, votes };
  }

  /** The revealed rounds, with every vote (the repository returns only what the caller may see). */
  private rounds(head: MeetingHead, votes: readonly VoteRow[]): MeetingRoundRecord[] {
    const rounds: MeetingRoundRecord[] = [];
    if (roundRevealed(head.status, 1) && head.round1RevealedAt) {
      rounds.push({
        round: 1,
        openedAt: iso(head.startedAt),
        revealedAt: iso(head.round1RevealedAt),
        votes: votes.filter((v) => v.round === 1).map(asVote),
      });
    }
    if (roundRevealed(head.status, 2) && head.round2OpenedAt && head.finishedAt) {
      rounds.push({
        round: 2,
        openedAt: iso(head.round2OpenedAt),
        revealedAt: iso(head.finishedAt),
        votes: votes.filter((v) => v.round === 2).map(asVote),
      });
    }
    return rounds;
  }

  private view(caller: Caller, { head, members, votes }: Loaded): Meeting {
    const mine = (round: 1 | 2) => {
      const v = votes.find((x) => x.round === round && x.memberId === caller.userId);
      return v ? asVote(v) : null;
    };
    const rounds = this.rounds(head, votes);
    const latest = rounds.at(-1);
    const questions = [{ key: 'recommendation' }, ...head.competencies];
    const discussion = latest
      ? discussionOrder(
          questions.map((q) => ({
            key: q.key,
            votes: latest.votes.flatMap((v) => {
              const value = q.key === 'recommendation' ? RECOMMENDATION_SCALE[v.recommendation] : v.ratings[q.key];
              return value === undefined ? [] : [value];
            }),
          })),
        )
      : [];
    const member = members.some((mm) => mm.id === caller.userId);
    const current = votingRound(head.status);
    const cast = current
      ? members.filter((mm) => (current === 1 ? mm.votedAt.round1 : mm.votedAt.round2) !== null).length
      : 0;
    const may = (action: MeetingAction) =>
      checkMeetingAction({
        status: head.status,
        action,
        round: current ?? undefined,
        actor: { host: head.hostId === caller.userId, member, admin: caller.role === 'admin' },
        votesCast: cast,
      }).ok;
    return {
      id: head.id,
      applicationId: head.applicationId,
      status: head.status,
      host: { id: head.hostId, name: head.hostName },
      members: members.map((mm) => ({
        id: mm.id,
        name: mm.name,
        host: mm.id === head.hostId,
        votedAt: { round1: isoOrNull(mm.votedAt.round1), round2: isoOrNull(mm.votedAt.round2) },
      })),
      competencies: head.competencies.map((c) => ({ key: c.key, name: c.name })),
      startedAt: iso(head.startedAt),
      round1RevealedAt: isoOrNull(head.round1RevealedAt),
      round2OpenedAt: isoOrNull(head.round2OpenedAt),
      finishedAt: isoOrNull(head.finishedAt),
      cancelledAt: isoOrNull(head.cancelledAt),
      mine: { round1: mine(1), round2: mine(2) },
      rounds,
      discussion,
      movement:
        head.status === 'finished'
          ? meetingMovement(
              head.competencies,
              votes.filter((v) => v.round === 1),
              votes.filter((v) => v.round === 2),
            )
          : null,
      can: {
        vote: may('vote'),
        reveal: may('reveal'),
        openRound2: may('open_round_2'),
        cancel: may('cancel'),
      },
    };
  }
}

function openAlready(): AppError {
  return new AppError(
    'conflict',
    'A meeting is already open on this application: join it, or ask its host to cancel it first.',
  );
}
