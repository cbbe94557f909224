import { Injectable } from '@nestjs/common';
import type { Comparison, ComparisonRow, Debrief, RubricContent } from '@scorecard/contracts';
import { disagreements, expectationFit, rankCandidates, type PanelScores } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { DebriefsRepository, type PanelFigures } from './debriefs.repository.js';

type Competencies = RubricContent['competencies'];

/** The figures of an application nobody has submitted a scorecard for. */
function noFigures(applicationId: string): PanelFigures {
  return {
    applicationId,
    competencies: new Map(),
    criteria: [],
    overall: null,
    overallStat: null,
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

@Injectable()
export class DebriefsService {
  constructor(
    private readonly debriefs: DebriefsRepository,
    private readonly scorecards: ScorecardsService,
  ) {}

  /**
   * The debrief of an application: 404 outside the organization, 403 under the independence rule
   * (the scorecards context decides, with its own words). Four queries whatever the panel's size:
   * the viewer's own scorecards, the submitted scorecards, the figures, and everything else.
   */
  async debrief(caller: Caller, applicationId: string): Promise<Debrief> {
    const { items: scorecards } = await this.scorecards.listForApplication(caller, applicationId);
    const [details, figures] = await Promise.all([
      this.debriefs.details(caller.organizationId, applicationId),
      this.debriefs.panelFigures(caller.organizationId, [applicationId]),
    ]);
    if (!details) throw AppError.notFound('application');
    const f = figures.get(applicationId) ?? noFigures(applicationId);
    const rubric = details.rubricVersion?.content.competencies ?? [];
    const scores = asPanelScores(f, rubric);
    const split = disagreements(scores);
    const disagreeingCriteria = new Set(split.criteria);
    const criterionStats = new Map(f.criteria.map((c) => [c.key, c.stat]));
    const rubricCriteria = rubric.flatMap((c) => c.criteria.map((cr) => cr.key));
    return {
      application: {
        ...details.application,
        candidate: details.candidate,
        opening: details.opening,
      },
      rubricVersion: details.rubricVersion
        ? { id: details.rubricVersion.id, name: details.rubricVersion.name, version: details.rubricVersion.version }
        : null,
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
      disagreements: {
        competencies: split.competencies,
        criteria: rubricCriteria.filter((k) => disagreeingCriteria.has(k)),
        recommendationSplit: split.recommendationSplit,
      },
      tally: f.tally,
      redFlags: details.redFlags,
      dealbreaker: details.redFlags.some((r) => r.severity === 'dealbreaker'),
      unassessed: scores.competencies.filter((c) => c.stat === null).map((c) => c.key),
      scorecards,
      pending: details.pending,
      decisions: details.decisions,
    };
  }

  /**
   * 2 to 8 applications of one opening side by side on the opening's rubric: 404 unless every one
   * belongs to the opening (without saying which does not), 403 if the independence rule hides any
   * of them from the caller. Two queries.
   */
  async comparison(caller: Caller, openingId: string, applicationIds: readonly string[]): Promise<Comparison> {
    const subjects = await this.debriefs.comparisonSubjects(
      caller.organizationId,
      openingId,
      applicationIds,
      caller.userId,
    );
    if (!subjects) throw AppError.notFound('opening');
    if (subjects.applications.length !== applicationIds.length) {
      throw new AppError(404, 'not_found', 'Some of these applications are not applications of this opening.');
    }
    for (const a of subjects.applications) this.scorecards.checkPanelFeedback(caller, a.own);
    const figures = await this.debriefs.panelFigures(caller.organizationId, applicationIds);
    const rubric = subjects.rubric?.competencies ?? [];
    const rows = subjects.applications.map((a): ComparisonRow => {
      const f = figures.get(a.id) ?? noFigures(a.id);
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
        rank: null,
        tiedWithAbove: false,
      };
    });
    const byId = new Map(rows.map((r) => [r.applicationId, r]));
    const ranked = rankCandidates(
      rows.map((r) => ({ id: r.applicationId, overall: r.overall.score, spread: r.overall.stat?.spread ?? 0 })),
    );
    return {
      opening: subjects.opening,
      competencies: rubric.map((c) => ({ key: c.key, name: c.name, weight: c.weight })),
      rows: ranked.map((r) => ({ ...byId.get(r.id)!, rank: r.rank, tiedWithAbove: r.tiedWithAbove })),
    };
  }
}
