import { Injectable } from '@nestjs/common';
import type {
  AmendScorecardRequest,
  InterviewKit,
  MyInterviewList,
  MyInterviewsQuery,
  SaveScorecardRequest,
  Scorecard,
  ScorecardList,
  SubmitScorecardRequest,
} from '@scorecard/contracts';
import { canSeePanelFeedback, scorecardIssues, unknownScorecardKeys, type ScorecardIssue } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { ApplicationEvents } from '../events/application-events.js';
import {
  type LockedScorecard,
  type OwnCards,
  type ScorecardContentInput,
  ScorecardsRepository,
} from './scorecards.repository.js';
import { Db } from '../../database/db.js';

type Content = Pick<SaveScorecardRequest, 'ratings' | 'redFlags' | 'recommendation' | 'summary' | 'notes'>;

/** What a scorecard may rate and must complete: the criteria of its interview's focus competencies and its checklist. */
function scopeOf(card: LockedScorecard) {
  const focus = new Set(card.focusCompetencyKeys);
  const competencies = card.rubric.competencies.filter((c) => focus.has(c.key));
  const criteria = competencies.flatMap((c) => c.criteria.map((cr) => ({ ...cr, competencyKey: c.key })));
  return {
    criteria,
    competencyOf: new Map(criteria.map((cr) => [cr.key, cr.competencyKey])),
    flags: card.checklistItems,
    flagKeys: new Set(card.checklistItems.map((f) => f.key)),
  };
}

const stale = () =>
  new AppError(
    409,
    'stale_revision',
    'This scorecard changed since you loaded it (another tab or device?). Reload it.',
  );

const incomplete = (issues: ScorecardIssue[]) =>
  new AppError(422, 'scorecard_incomplete', 'Some parts of the scorecard are still missing.', { errors: issues });

@Injectable()
export class ScorecardsService {
  constructor(
    private readonly scorecards: ScorecardsRepository,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
  ) {}

  async listMine(caller: Caller, q: MyInterviewsQuery): Promise<MyInterviewList> {
    const { items, counts } = await this.scorecards.listMine(caller.organizationId, caller.userId, q.view, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items, counts, total: counts[q.view], page: q.page, pageSize: q.pageSize };
  }

  /** The kit of one interview, for its current interviewer only. */
  async kit(caller: Caller, interviewId: string): Promise<InterviewKit> {
    const row = await this.scorecards.kit(caller.organizationId, interviewId, caller.userId);
    if (!row || row.interview.status === 'cancelled') throw AppError.notFound('interview');
    if (row.interview.interviewerId !== caller.userId) {
      throw new AppError(403, 'forbidden', 'Only the interviewer of this interview can open its kit.');
    }
    if (!row.scorecard || !row.rubric) throw AppError.notFound('scorecard');
    const focus = new Set(row.interview.focusCompetencyKeys);
    const hidden = row.opening.hideCandidateDetails;
    return {
      interview: {
        id: row.interview.id,
        step: row.interview.step,
        startsAt: row.interview.startsAt.toISOString(),
        durationMinutes: row.interview.durationMinutes,
        feedbackDueAt: row.interview.feedbackDueAt.toISOString(),
        status: row.interview.status,
      },
      opening: { id: row.opening.id, title: row.opening.title },
      candidate: {
        name: row.candidate.name,
        detailsHidden: hidden,
        currentTitle: hidden ? null : row.candidate.currentTitle,
        currentCompany: hidden ? null : row.candidate.currentCompany,
        location: hidden ? null : row.candidate.location,
        links: hidden ? null : row.candidate.links,
      },
      competencies: row.rubric.competencies.filter((c) => focus.has(c.key)),
      questionKeys: row.interview.questionKeys,
      redFlags: row.checklistItems,
      scorecard: row.scorecard,
    };
  }

  /**
   * Its author always sees a scorecard. Anyone else sees it once it is submitted, and only if the
   * independence rule lets them see the panel's feedback on that application.
   */
  async get(caller: Caller, id: string): Promise<Scorecard> {
    const found = await this.scorecards.findWithViewer(caller.organizationId, id, caller.userId);
    if (!found) throw AppError.notFound('scorecard');
    if (found.scorecard.interviewer.id === caller.userId) return found.scorecard;
    this.checkPanelFeedback(caller, found.viewer);
    if (found.scorecard.status !== 'submitted') {
      throw new AppError(403, 'forbidden', 'A draft scorecard is visible only to its author until it is submitted.');
    }
    return found.scorecard;
  }

  async listForApplication(caller: Caller, applicationId: string): Promise<ScorecardList> {
    await this.checkPanelAccess(caller, applicationId);
    return { items: await this.scorecards.listSubmitted(caller.organizationId, applicationId, caller.userId) };
  }

  /**
   * Whether the caller may see the panel's feedback on an application: 404 when it is not in the
   * caller's organization, 403 when the independence rule hides the feedback from them.
   */
  async checkPanelAccess(caller: Caller, applicationId: string): Promise<void> {
    const own = await this.scorecards.viewerOnApplication(caller.organizationId, applicationId, caller.userId);
    if (!own) throw AppError.notFound('application');
    this.checkPanelFeedback(caller, own);
  }

  /** Saves the author's draft: keys checked against the interview's scope, content replaced, revision + 1. */
  async save(caller: Caller, id: string, input: SaveScorecardRequest): Promise<Scorecard> {
    await this.db.transaction(async (m) => {
      const card = await this.lockForAuthor(caller, id, m);
      if (card.status !== 'draft') {
        throw new AppError(409, 'invalid_transition', 'Submitted scorecards change only through an amendment.');
      }
      if (card.revision !== input.revision) throw stale();
      await this.scorecards.replaceContent(caller.organizationId, id, this.checkedContent(card, input), m);
    });
    return this.own(caller, id);
  }

  /** Submits a complete draft. Submitting a submitted scorecard again answers it unchanged. */
  async submit(caller: Caller, id: string, input: SubmitScorecardRequest): Promise<Scorecard> {
    await this.db.transaction(async (m) => {
      const card = await this.lockForAuthor(caller, id, m);
      if (card.status === 'submitted') return;
      if (card.revision !== input.revision) throw stale();
      const { criteria, flags } = scopeOf(card);
      const issues = scorecardIssues(card, criteria, flags);
      if (issues.length > 0) throw incomplete(issues);
      await this.scorecards.markSubmitted(caller.organizationId, id, m);
      await this.events.notify(m, {
        organizationId: caller.organizationId,
        applicationId: card.applicationId,
        kind: 'scorecard_submitted',
      });
    });
    return this.own(caller, id);
  }

  /**
   * Amends a submitted scorecard: the new content must be complete; the original content is kept
   * in the amendment with who, when and why.
   */
  async amend(caller: Caller, id: string, input: AmendScorecardRequest): Promise<Scorecard> {
    await this.db.transaction(async (m) => {
      const card = await this.lockForAuthor(caller, id, m);
      if (card.status !== 'submitted') {
        throw new AppError(409, 'invalid_transition', 'Only a submitted scorecard is amended: save the draft instead.');
      }
      if (card.revision !== input.revision) throw stale();
      const content = this.checkedContent(card, input);
      const { criteria, flags } = scopeOf(card);
      const issues = scorecardIssues(input, criteria, flags);
      if (issues.length > 0) throw incomplete(issues);
      await this.scorecards.recordAmendment(
        caller.organizationId,
        { scorecardId: id, by: caller.userId, reason: input.reason },
        m,
      );
      await this.scorecards.replaceContent(caller.organizationId, id, content, m);
      await this.events.notify(m, {
        organizationId: caller.organizationId,
        applicationId: card.applicationId,
        kind: 'scorecard_amended',
      });
    });
    return this.own(caller, id);
  }

  /**
   * The independence rule for one application, given the caller's own live scorecards on it:
   * 403 with the reason when the caller may not see the panel's feedback yet. Other contexts that
   * show feedback or an aggregate of it (debriefs, comparisons) call it too.
   */
  checkPanelFeedback(caller: Caller, own: OwnCards): void {
    if (canSeePanelFeedback({ role: caller.role, ...own })) return;
    throw new AppError(
      403,
      'forbidden',
      own.ownDrafts > 0
        ? 'Submit your own scorecard first: until then the panel’s feedback stays hidden.'
        : 'Only interviewers who submitted a scorecard for this candidate see the panel’s feedback.',
    );
  }

  /** Locks a live scorecard of the caller's for a change: 404 if unknown, 403 for anyone but its author. */
  private async lockForAuthor(caller: Caller, id: string, m: EntityManager): Promise<LockedScorecard> {
    const card = await this.scorecards.lock(caller.organizationId, id, m);
    if (!card) throw AppError.notFound('scorecard');
    if (card.interviewerId !== caller.userId) {
      throw new AppError(403, 'forbidden', 'Only the interviewer who owns this scorecard can change it.');
    }
    if (card.status === 'void') {
      throw new AppError(
        409,
        'invalid_transition',
        'This interview was reassigned or cancelled, so this scorecard no longer takes feedback.',
      );
    }
    return card;
  }

  /** The content to write, once every criterion and red flag is known to the scorecard's scope (400 otherwise). */
  private checkedContent(card: LockedScorecard, input: Content): ScorecardContentInput {
    const scope = scopeOf(card);
    const unknown = unknownScorecardKeys(input, new Set(scope.competencyOf.keys()), scope.flagKeys);
    if (unknown.length > 0) throw AppError.invalid(unknown);
    return {
      ratings: input.ratings.map((r) => ({ ...r, competencyKey: scope.competencyOf.get(r.criterionKey)! })),
      redFlags: input.redFlags,
      recommendation: input.recommendation,
      summary: input.summary,
      notes: input.notes,
    };
  }

  private async own(caller: Caller, id: string): Promise<Scorecard> {
    const card = await this.scorecards.find(caller.organizationId, id, caller.userId);
    if (!card) throw AppError.notFound('scorecard');
    return card;
  }
}
