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
import { EXPECTATIONS, EXPECTATION_LABELS, type Expectations } from '@scorecard/contracts';
import {
  canSeePanelFeedback,
  recommendationContradiction,
  scorecardIssues,
  unaskedRatings,
  unknownScorecardKeys,
  type ScorecardIssue,
} from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { withoutDraftContent } from '../api-tokens/drafts.js';
import { auditNothingChanged } from '../audit/audit-recorder.js';
import { ApplicationEvents } from '../events/application-events.js';
import {
  type LockedScorecard,
  type OwnCards,
  type ScorecardContentInput,
  ScorecardsRepository,
} from './scorecards.repository.js';
import { Db } from '../../database/db.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';

type Content = Pick<SaveScorecardRequest, 'ratings' | 'redFlags' | 'recommendation' | 'summary' | 'notes'>;

/**
 * The competencies an interview asks, each with only its asked criteria (rubric order): a rating
 * is the rating of an answer that was asked.
 */
export function askedCompetencies<C extends { key: string; criteria: { key: string }[] }>(
  competencies: readonly C[],
  questionKeys: readonly string[],
): C[] {
  const asked = new Set(questionKeys);
  return competencies
    .map((c) => ({ ...c, criteria: c.criteria.filter((cr) => asked.has(cr.key)) }))
    .filter((c) => c.criteria.length > 0);
}

/** What a scorecard may rate and must complete: the criteria its interview asked, and its checklist. */
function scopeOf(card: LockedScorecard) {
  const criteria = askedCompetencies(card.rubric.competencies, card.questionKeys).flatMap((c) =>
    c.criteria.map((cr) => ({ ...cr, competencyKey: c.key })),
  );
  return {
    criteria,
    competencyOf: new Map(criteria.map((cr) => [cr.key, cr.competencyKey])),
    flags: card.checklistItems,
    flagKeys: new Set(card.checklistItems.map((f) => f.key)),
  };
}

const contradicts = (message: string) =>
  new AppError('recommendation_contradicts_ratings', message, {
    errors: [{ path: 'recommendation', message }],
  });

const stale = () =>
  new AppError('stale_revision', 'This scorecard changed since you loaded it (another tab or device?). Reload it.');

const incomplete = (issues: ScorecardIssue[]) =>
  new AppError('scorecard_incomplete', 'Some parts of the scorecard are still missing.', { errors: issues });

/** "2026-12-07 14:00 UTC": a start time the API can name without knowing the reader's time zone. */
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** What tech-lead candidates expect to hear about (the guide's developer expectations). */
const CANDIDATE_TOPICS: Record<(typeof EXPECTATIONS)[number], string> = {
  technicalAuthority:
    'Real say over architecture, technology choices and coding standards, without being overruled on technical matters by people who do not code. Trust breaks when the title comes without the authority.',
  codingTime:
    'Clear, protected time for hands-on coding (typically 50-70%) on interesting problems, not only reviews and meetings. Trust breaks when promised coding time disappears into meetings or project management.',
  teamQuality:
    'A capable, motivated team to lead, a say in hiring, and a way to address performance through the engineering manager. Trust breaks when they are asked to fix a struggling team without authority or support.',
  emPartnership:
    'A clear split with the engineering manager: the tech lead owns technical direction, the engineering manager owns people management, with mutual respect. Trust breaks with turf wars or an engineering manager overriding technical decisions.',
  growthPath:
    'Where the role leads: Staff or Principal Engineer on the technical track, or engineering manager on the management track, with exposure to architecture and leadership development. Trust breaks when the role is a dead end.',
};

function candidateQuestionsKit(opening: { expectations: Expectations; codingSharePct: number | null }) {
  return {
    topics: EXPECTATIONS.map((key) => ({
      key,
      label: EXPECTATION_LABELS[key],
      guidance: CANDIDATE_TOPICS[key],
      opening: opening.expectations[key] ?? '',
    })),
    codingSharePct: opening.codingSharePct,
  };
}

@Injectable()
export class ScorecardsService {
  constructor(
    private readonly scorecards: ScorecardsRepository,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
    private readonly webhooks: WebhookOutbox,
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
      throw new AppError('forbidden', 'Only the interviewer of this interview can open its kit.');
    }
    if (!row.scorecard || !row.rubric) throw AppError.notFound('scorecard');
    // An API token gets no draft content (see withoutDraftContent), nor what it would tell.
    const scorecard = withoutDraftContent(caller, row.scorecard);
    const hidden = row.opening.hideCandidateDetails;
    return {
      interview: {
        id: row.interview.id,
        step: row.interview.step,
        stepKind: row.interview.stepKind,
        startsAt: row.interview.startsAt.toISOString(),
        durationMinutes: row.interview.durationMinutes,
        feedbackDueAt: row.interview.feedbackDueAt.toISOString(),
        status: row.interview.status,
      },
      opening: { id: row.opening.id, title: row.opening.title },
      candidate: {
        id: hidden ? null : row.candidate.id,
        name: row.candidate.name,
        detailsHidden: hidden,
        currentTitle: hidden ? null : row.candidate.currentTitle,
        currentCompany: hidden ? null : row.candidate.currentCompany,
        location: hidden ? null : row.candidate.location,
        links: hidden ? null : row.candidate.links,
      },
      competencies: askedCompetencies(row.rubric.competencies, row.interview.questionKeys),
      questionKeys: row.interview.questionKeys,
      unaskedCriteria: row.rubric.competencies.flatMap((c) =>
        c.criteria
          .filter((cr) => scorecard.ratings.some((r) => !r.asked && r.criterionKey === cr.key))
          .map((cr) => ({ key: cr.key, title: cr.title, competency: c.name })),
      ),
      redFlags: row.checklistItems,
      candidateQuestions: row.interview.stepKind === 'candidate_questions' ? candidateQuestionsKit(row.opening) : null,
      scorecard,
    };
  }

  /**
   * Its author always sees a scorecard. Anyone else sees it once it is submitted, and only if the
   * independence rule lets them see the panel's feedback on that application.
   */
  async get(caller: Caller, id: string): Promise<Scorecard> {
    const found = await this.scorecards.findWithViewer(caller.organizationId, id, caller.userId);
    if (!found) throw AppError.notFound('scorecard');
    if (found.scorecard.interviewer.id === caller.userId) return withoutDraftContent(caller, found.scorecard);
    this.checkPanelFeedback(caller, found.viewer);
    if (found.scorecard.status !== 'submitted') {
      throw new AppError('forbidden', 'A draft scorecard is visible only to its author until it is submitted.');
    }
    await this.recordFeedbackViews(caller, [found.scorecard.applicationId]);
    return found.scorecard;
  }

  async listForApplication(caller: Caller, applicationId: string): Promise<ScorecardList> {
    await this.checkPanelAccess(caller, applicationId);
    const items = await this.scorecards.listSubmitted(caller.organizationId, applicationId, caller.userId);
    await this.recordFeedbackViews(caller, [applicationId]);
    return { items };
  }

  /**
   * Records, in the request's transaction, that the caller read the panel's feedback on these
   * applications: an amendment they make afterwards is labelled so. Call it once a read of the
   * feedback (or an aggregate of it) has passed `checkPanelFeedback`.
   */
  recordFeedbackViews(caller: Caller, applicationIds: readonly string[]): Promise<void> {
    return this.scorecards.recordFeedbackViews(caller.organizationId, applicationIds, caller.userId);
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
        throw new AppError('invalid_transition', 'Submitted scorecards change only through an amendment.');
      }
      if (card.revision !== input.revision) throw stale();
      await this.scorecards.replaceContent(caller.organizationId, id, this.checkedContent(card, input), m);
    });
    return this.own(caller, id);
  }

  /**
   * Submits a complete draft of an interview that has started (422 `interview_not_started` before:
   * it can still be saved as a draft). A recommendation that contradicts the author's own ratings
   * needs `confirmContradiction` (422 `recommendation_contradicts_ratings` otherwise), and the
   * confirmation is recorded. Submitting a submitted scorecard again answers it unchanged.
   */
  async submit(caller: Caller, id: string, input: SubmitScorecardRequest): Promise<Scorecard> {
    await this.db.transaction(async (m) => {
      const card = await this.lockForAuthor(caller, id, m);
      // Submitted already (by this request's twin, perhaps, waiting on the same row lock): nothing changes, nothing is audited.
      if (card.status === 'submitted') return auditNothingChanged();
      if (card.revision !== input.revision) throw stale();
      if (card.startsAt.getTime() > Date.now()) {
        throw new AppError(
          'interview_not_started',
          `This interview starts at ${utc(card.startsAt)}: submit the scorecard once it has started. Until then you can save it as a draft.`,
        );
      }
      const { criteria, flags } = scopeOf(card);
      const issues = scorecardIssues(card, criteria, flags, {
        needsRecommendation: card.stepKind === 'assessment',
      });
      if (issues.length > 0) throw incomplete(issues);
      await this.checkContradiction(caller, card, card, input.confirmContradiction === true, m);
      await this.scorecards.markSubmitted(caller.organizationId, id, m);
      await this.events.notify(m, {
        organizationId: caller.organizationId,
        applicationId: card.applicationId,
        kind: 'scorecard_submitted',
      });
      await this.webhooks.emit(caller.organizationId, 'scorecard.submitted', {
        scorecardId: id,
        applicationId: card.applicationId,
        interviewerId: card.interviewerId,
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
        throw new AppError('invalid_transition', 'Only a submitted scorecard is amended: save the draft instead.');
      }
      if (card.revision !== input.revision) throw stale();
      const content = this.checkedContent(card, input);
      const { criteria, flags } = scopeOf(card);
      const issues = scorecardIssues(input, criteria, flags, {
        needsRecommendation: card.stepKind === 'assessment',
      });
      if (issues.length > 0) throw incomplete(issues);
      const contradiction = recommendationContradiction(
        input.recommendation,
        input.ratings.map((r) => r.rating),
      );
      if (contradiction && !input.confirmContradiction) throw contradicts(contradiction.message);
      await this.scorecards.recordAmendment(
        caller.organizationId,
        { scorecardId: id, by: caller.userId, reason: input.reason },
        m,
      );
      await this.scorecards.replaceContent(caller.organizationId, id, content, m);
      if (contradiction) await this.scorecards.confirmContradiction(caller.organizationId, id, m);
      await this.events.notify(m, {
        organizationId: caller.organizationId,
        applicationId: card.applicationId,
        kind: 'scorecard_amended',
      });
      await this.webhooks.emit(caller.organizationId, 'scorecard.amended', {
        scorecardId: id,
        applicationId: card.applicationId,
        interviewerId: card.interviewerId,
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
      throw new AppError('forbidden', 'Only the interviewer who owns this scorecard can change it.');
    }
    if (card.status === 'void') {
      throw new AppError(
        'invalid_transition',
        'This interview was reassigned or cancelled, so this scorecard no longer takes feedback.',
      );
    }
    return card;
  }

  /**
   * A recommendation that contradicts the author's own asked ratings passes only when confirmed; the
   * confirmation is recorded on the scorecard.
   */
  private async checkContradiction(
    caller: Caller,
    card: LockedScorecard,
    content: Pick<LockedScorecard, 'recommendation' | 'ratings'>,
    confirmed: boolean,
    m: EntityManager,
  ): Promise<void> {
    const contradiction = recommendationContradiction(
      content.recommendation,
      content.ratings.map((r) => r.rating),
    );
    if (!contradiction) return;
    if (!confirmed) throw contradicts(contradiction.message);
    await this.scorecards.confirmContradiction(caller.organizationId, card.id, m);
  }

  /**
   * The content to write, once every rating is on a question the interview asked (400
   * `criterion_not_asked` otherwise) and every red flag is on the checklist (400).
   */
  private checkedContent(card: LockedScorecard, input: Content): ScorecardContentInput {
    const scope = scopeOf(card);
    const askedKeys = new Set(scope.competencyOf.keys());
    const unasked = unaskedRatings(input, askedKeys);
    if (unasked.length > 0) {
      throw new AppError(
        'criterion_not_asked',
        'A rating is the rating of an answer that was asked: rate only the questions this interview asked.',
        { errors: unasked },
      );
    }
    const unknown = unknownScorecardKeys(input, askedKeys, scope.flagKeys);
    if (card.stepKind === 'candidate_questions' && input.recommendation !== null) {
      unknown.push({
        path: 'recommendation',
        message: 'The candidate’s questions step takes no recommendation: keep notes and a summary.',
      });
    }
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
    return withoutDraftContent(caller, card);
  }
}
