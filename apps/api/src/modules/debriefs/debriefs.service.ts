import { Injectable } from '@nestjs/common';
import type {
  Comparison,
  ComparisonQuery,
  ComparisonRow,
  Debrief,
  DebriefGrid,
  DebriefGridCell,
  RatingsView,
  Role,
  RubricContent,
} from '@scorecard/contracts';
import {
  disagreements,
  apartReason,
  compareCandidates,
  coverageShare,
  pooledRaterSd,
  evidenceGaps,
  expectationFit,
  type PanelScores,
} from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { DebriefsRepository, type GridCard, type GridRating, type PanelFigures } from './debriefs.repository.js';

type Competencies = RubricContent['competencies'];

/** Who may read a debrief with amendments applied: the hiring team; interviewers read first submissions. */
const MAY_SWITCH_VIEW: ReadonlySet<Role> = new Set<Role>(['admin', 'hiring_manager', 'recruiter']);

/** The figures of an application nobody has submitted a scorecard for. */
function noFigures(applicationId: string): PanelFigures {
  return {
    applicationId,
    competencies: new Map(),
    criteria: [],
    overall: null,
    overallStat: null,
    overallSd: null,
    tally: { strong_no: 0, no: 0, yes: 0, strong_yes: 0 },
    scorecards: 0,
    redFlags: { concerns: 0, dealbreakers: 0 },
  };
}

/** The database's figures in the shape of the domain's `panelScores`, competencies in rubric order. */
function asPanelScores(f: PanelFigures, competencies: Competencies): PanelScores {
  return {
    competencies: competencies.map((c) => ({ key: c.key, weight: c.weight, stat: f.competencies.get(c.key) ?? null })),
    criteria: f.criteria,
    overall: f.overall,
    overallStat: f.overallStat,
    tally: f.tally,
  };
}

const NOT_ASKED: DebriefGridCell = { status: 'not_asked', rating: null, evidence: '', other: null };

/**
 * The interviewer-by-criterion grid: a column per submitted assessment scorecard, a row per
 * criterion of the rubric in rubric order, each cell the view's rating with its evidence ("not
 * asked" when the interview did not ask the question), and the other view's rating when it differs.
 */
export function buildGrid(cards: readonly GridCard[], competencies: Competencies, view: RatingsView): DebriefGrid {
  const byKey = (ratings: GridRating[]) => new Map(ratings.map((r) => [r.key, r]));
  const columns = cards.map((c) => {
    const first = byKey(c.first);
    const now = byKey(c.now);
    return {
      card: c,
      asked: new Set(c.questionKeys),
      shown: view === 'independent' ? first : now,
      other: view === 'independent' ? now : first,
    };
  });
  return {
    columns: cards.map((c) => ({ scorecardId: c.scorecardId, interviewer: c.interviewer, step: c.step })),
    rows: competencies.flatMap((competency) =>
      competency.criteria.map((criterion) => ({
        competencyKey: competency.key,
        criterionKey: criterion.key,
        cells: columns.map(({ asked, shown, other }): DebriefGridCell => {
          if (!asked.has(criterion.key)) return NOT_ASKED;
          const mine = shown.get(criterion.key);
          const theirs = other.get(criterion.key);
          const rating = mine?.rating ?? null;
          return {
            status: rating === null ? 'not_assessed' : 'rated',
            rating,
            evidence: mine?.evidence ?? '',
            other: theirs && (theirs.rating ?? null) !== rating ? { rating: theirs.rating ?? null } : null,
          };
        }),
      })),
    ),
  };
}

@Injectable()
export class DebriefsService {
  constructor(
    private readonly debriefs: DebriefsRepository,
    private readonly scorecards: ScorecardsService,
  ) {}

  /**
   * The debrief of an application: 404 outside the organization, 403 under the independence rule
   * (the scorecards context decides, with its own words), 403 for an interviewer asking for the
   * amended view. The figures read each scorecard as first submitted unless the hiring team asks for
   * `with_amendments`; the evidence gaps always read first submissions. Reading it records that the
   * caller saw the panel's feedback (in `listForApplication`). Five queries whatever the panel's
   * size (six in the amended view): the viewer's own scorecards, the submitted scorecards, the
   * view record, the figures, and everything else.
   */
  async debrief(caller: Caller, applicationId: string, view: RatingsView = 'independent'): Promise<Debrief> {
    if (view !== 'independent' && !MAY_SWITCH_VIEW.has(caller.role)) {
      // Before anything is read or recorded: a refused request changes nothing.
      await this.scorecards.checkPanelAccess(caller, applicationId);
      throw new AppError(
        'forbidden',
        'Interviewers read the independent ratings; only the hiring team can switch the debrief to the amended ones.',
      );
    }
    const { items: scorecards } = await this.scorecards.listForApplication(caller, applicationId);
    const views: RatingsView[] = view === 'independent' ? ['independent'] : ['independent', view];
    const [details, ...figureSets] = await Promise.all([
      this.debriefs.details(caller.organizationId, applicationId),
      ...views.map((v) => this.debriefs.panelFigures(caller.organizationId, [applicationId], v)),
    ]);
    if (!details) throw AppError.notFound('application');
    const independent = figureSets[0]!.get(applicationId) ?? noFigures(applicationId);
    const f = figureSets.at(-1)!.get(applicationId) ?? noFigures(applicationId);
    const rubric = details.rubricVersion?.content.competencies ?? [];
    const scores = asPanelScores(f, rubric);
    const split = disagreements(scores);
    const disagreeingCriteria = new Set(split.criteria);
    const criterionStats = new Map(f.criteria.map((c) => [c.key, c.stat]));
    const rubricCriteria = rubric.flatMap((c) => c.criteria.map((cr) => cr.key));
    const names = new Map(rubric.map((c) => [c.key, c.name]));
    const gaps = evidenceGaps(asPanelScores(independent, rubric).competencies);
    return {
      application: {
        ...details.application,
        candidate: details.candidate,
        opening: details.opening,
      },
      rubricVersion: details.rubricVersion
        ? { id: details.rubricVersion.id, name: details.rubricVersion.name, version: details.rubricVersion.version }
        : null,
      ratingsView: view,
      dealbreaker: details.redFlags.some((r) => r.severity === 'dealbreaker'),
      disagreements: {
        competencies: split.competencies,
        criteria: rubricCriteria.filter((k) => disagreeingCriteria.has(k)),
        recommendationSplit: split.recommendationSplit,
      },
      evidenceGaps: gaps.map((g) => ({ competencyKey: g.key, name: names.get(g.key)!, ratings: g.ratings })),
      overall: { score: f.overall, stat: f.overallStat },
      competencies: rubric.map((c, i) => ({
        key: c.key,
        name: c.name,
        category: c.category,
        weight: c.weight,
        stat: scores.competencies[i]!.stat,
        disagreement: split.competencies.includes(c.key),
        criteria: c.criteria.map((cr) => ({
          key: cr.key,
          title: cr.title,
          stat: criterionStats.get(cr.key) ?? null,
          disagreement: disagreeingCriteria.has(cr.key),
        })),
      })),
      unassessed: scores.competencies.filter((c) => c.stat === null).map((c) => c.key),
      tally: f.tally,
      redFlags: details.redFlags,
      grid: buildGrid(details.gridCards, rubric, view),
      scorecards,
      pending: details.pending,
      decisions: details.decisions,
    };
  }

  /**
   * 2 to 8 applications of one opening side by side on the opening's rubric: 404 unless every one
   * belongs to the opening (without saying which does not), 403 if the independence rule hides any
   * of them from the caller. Two queries. The figures read the chosen ratings view; the rows come in
   * tiers from the domain's `compareCandidates` (standard errors, z, coverage, apart), in display order.
   */
  async comparison(
    caller: Caller,
    openingId: string,
    query: Pick<ComparisonQuery, 'applicationIds'> & Partial<Pick<ComparisonQuery, 'z' | 'ratings'>>,
  ): Promise<Comparison> {
    const { applicationIds, z = 1, ratings = 'independent' } = query;
    const subjects = await this.debriefs.comparisonSubjects(
      caller.organizationId,
      openingId,
      applicationIds,
      caller.userId,
    );
    if (!subjects) throw AppError.notFound('opening');
    if (subjects.applications.length !== applicationIds.length) {
      throw new AppError('not_found', 'Some of these applications are not applications of this opening.');
    }
    for (const a of subjects.applications) this.scorecards.checkPanelFeedback(caller, a.own);
    // A read of the panel's feedback (issue 18 §2): amendments made after it are labelled.
    await this.scorecards.recordFeedbackViews(caller, applicationIds);
    const figures = await this.debriefs.panelFigures(caller.organizationId, applicationIds, ratings);
    const rubric = subjects.rubric?.competencies ?? [];
    const weights = rubric.map((c) => ({ key: c.key, weight: c.weight }));
    const inputs = subjects.applications.map((a) => {
      const f = figures.get(a.id) ?? noFigures(a.id);
      return {
        a,
        f,
        tier: {
          id: a.id,
          overall: f.overall,
          cards: f.overallStat?.count ?? 0,
          cardSd: f.overallSd,
          coverage: coverageShare(weights, new Set(f.competencies.keys())),
          apart: apartReason({
            stage: a.stage,
            latestDecision: a.latestDecision,
            dealbreakers: f.redFlags.dealbreakers,
            dealbreakersAcknowledged: a.dealbreakersAcknowledged,
          }),
        },
      };
    });
    const byId = new Map(inputs.map((i) => [i.a.id, i]));
    const tiers = compareCandidates(
      inputs.map((i) => i.tier),
      z,
    );
    const rows = tiers.map((t): ComparisonRow => {
      const { a, f, tier } = byId.get(t.id)!;
      return {
        applicationId: a.id,
        candidate: a.candidate,
        stage: a.stage,
        competencies: Object.fromEntries(rubric.map((c) => [c.key, f.competencies.get(c.key) ?? null])),
        overall: { score: f.overall, stat: f.overallStat },
        tally: f.tally,
        scorecards: f.scorecards,
        redFlags: f.redFlags,
        fit: expectationFit(a.candidate, subjects.opening),
        standardError: t.se,
        coverage: { share: tier.coverage, partial: t.partial },
        tier: t.tier,
        apart: tier.apart,
      };
    });
    const pooled = rows.find((r) => r.standardError.basis === 'pooled')?.standardError.value ?? null;
    return {
      opening: subjects.opening,
      competencies: rubric.map((c) => ({ key: c.key, name: c.name, weight: c.weight })),
      z,
      ratingsView: ratings,
      pooledRaterSd: pooled ?? pooledRaterSd(inputs.filter((i) => i.tier.overall !== null).map((i) => i.tier)),
      rows,
    };
  }
}
