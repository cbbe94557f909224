import { Injectable } from '@nestjs/common';
import {
  HOME_LIST_LIMIT,
  type DecisionWaiting,
  type HiringManagerHome,
  type InterviewerHome,
  type InterviewerHomeQuery,
  type RecruiterHome,
  type RecruiterHomeQuery,
} from '@scorecard/contracts';
import { canSeePanelFeedback, disagreements } from '@scorecard/domain';
import type { Caller } from '../../common/request-context.js';
import { DebriefsRepository } from '../debriefs/debriefs.repository.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { HomeRepository } from './home.repository.js';
import { QueuesRepository } from './queues.repository.js';

@Injectable()
export class HomeService {
  constructor(
    private readonly home: HomeRepository,
    private readonly queues: QueuesRepository,
    private readonly debriefs: DebriefsRepository,
    private readonly scorecards: ScorecardsService,
  ) {}

  /**
   * The recruiter's home: open openings in scope (where the caller is recruiter or hiring manager,
   * or all of them) with counts per stage, their stuck applications and their overdue scorecards.
   * Every list is capped, so the page costs the same however large the organization grows.
   */
  async recruiterHome(caller: Caller, query: RecruiterHomeQuery): Promise<RecruiterHome> {
    const { organizationId, userId } = caller;
    const { scope } = query;
    const stuckDays = query.stuckDays ?? (await this.home.organizationStuckDays(organizationId));
    const [openings, stuck, overdue] = await Promise.all([
      this.home.openings(organizationId, userId, scope, HOME_LIST_LIMIT),
      this.home.stuck(organizationId, userId, scope, stuckDays, HOME_LIST_LIMIT),
      this.home.overdue(organizationId, userId, scope, HOME_LIST_LIMIT),
    ]);
    return { stuckDays, scope, openings, stuck, overdue };
  }

  /**
   * The interviewer's home: their interviews today and in the rest of the 7-day week (days in the
   * time zone asked for, UTC otherwise), the scorecards they owe and their recent submissions, each
   * saying whether the application's debrief is open to them under the independence rule (the
   * scorecards context's `canSeePanelFeedback`). Five queries whatever the caller's history.
   */
  async interviewerHome(caller: Caller, query: InterviewerHomeQuery): Promise<InterviewerHome> {
    const { organizationId, userId } = caller;
    const timeZone = query.timeZone ?? 'UTC';
    const days = await this.queues.dayBounds(timeZone);
    const [interviews, toWrite, submitted] = await Promise.all([
      this.queues.interviews(organizationId, userId, days, HOME_LIST_LIMIT),
      this.queues.toWrite(organizationId, userId, HOME_LIST_LIMIT),
      this.queues.submitted(organizationId, userId, HOME_LIST_LIMIT),
    ]);
    return {
      now: days.now.toISOString(),
      timeZone,
      days: {
        todayStartsAt: days.todayStartsAt.toISOString(),
        tomorrowStartsAt: days.tomorrowStartsAt.toISOString(),
        weekEndsAt: days.weekEndsAt.toISOString(),
      },
      ...interviews,
      toWrite,
      submitted: {
        total: submitted.total,
        items: submitted.items.map(({ own, ...item }) => ({
          ...item,
          debriefOpen: canSeePanelFeedback({ role: caller.role, ...own }),
        })),
      },
    };
  }

  /**
   * The hiring manager's home: the applications waiting in debrief on the openings they hire for
   * (every opening for admins), with scorecards in / expected and the panel's disagreements and red
   * flags by the debrief's own rules (independent ratings, the domain's `disagreements`), their
   * open openings with counts per stage, and their own scorecards to write. The panel's figures of
   * an application stay hidden while the caller owes a scorecard on it; showing them counts as a
   * read of the panel's feedback (amendments made afterwards are labelled), as on the debrief.
   * Admins also get the people and audit counts of the organization.
   */
  async hiringManagerHome(caller: Caller): Promise<HiringManagerHome> {
    const { organizationId, userId } = caller;
    const isAdmin = caller.role === 'admin';
    const scope = isAdmin ? 'all' : 'mine';
    const [decisions, openings, myScorecards, admin] = await Promise.all([
      this.queues.decisionsWaiting(organizationId, userId, isAdmin ? null : userId, HOME_LIST_LIMIT),
      this.home.openings(organizationId, userId, scope, HOME_LIST_LIMIT),
      this.queues.toWrite(organizationId, userId, HOME_LIST_LIMIT),
      isAdmin ? this.queues.adminCounts(organizationId) : Promise.resolve(null),
    ]);
    const visible = decisions.items.filter((d) => canSeePanelFeedback({ role: caller.role, ...d.own }));
    const visibleIds = visible.map((d) => d.applicationId);
    const rubricIds = [...new Set(visible.map((d) => d.rubricVersionId).filter((id): id is string => id !== null))];
    const [figures, rubrics] = await Promise.all([
      this.debriefs.panelFigures(organizationId, visibleIds, 'independent'),
      this.queues.rubricCompetencies(organizationId, rubricIds),
    ]);
    await this.scorecards.recordFeedbackViews(caller, visibleIds);
    const shown = new Set(visibleIds);
    const items = decisions.items.map(({ rubricVersionId, own: _own, ...d }): DecisionWaiting => {
      if (!shown.has(d.applicationId)) return { ...d, panel: null };
      const f = figures.get(d.applicationId);
      if (!f) {
        const none = { competencies: 0, criteria: 0, recommendationSplit: false };
        return { ...d, panel: { disagreements: none, redFlags: { dealbreakers: 0, concerns: 0 } } };
      }
      const rubric = (rubricVersionId && rubrics.get(rubricVersionId)) || [];
      // The debrief's reading of the same figures (DebriefsService.debrief): rubric competencies
      // and criteria only, in rubric order.
      const split = disagreements({
        competencies: rubric.map((c) => ({ key: c.key, weight: c.weight, stat: f.competencies.get(c.key) ?? null })),
        criteria: f.criteria,
        overall: f.overall,
        overallStat: f.overallStat,
        tally: f.tally,
      });
      const rubricCriteria = new Set(rubric.flatMap((c) => c.criteria.map((cr) => cr.key)));
      return {
        ...d,
        panel: {
          disagreements: {
            competencies: split.competencies.length,
            criteria: split.criteria.filter((k) => rubricCriteria.has(k)).length,
            recommendationSplit: split.recommendationSplit,
          },
          redFlags: { dealbreakers: f.redFlags.dealbreakers, concerns: f.redFlags.concerns },
        },
      };
    });
    return {
      now: new Date().toISOString(),
      scope,
      decisions: { total: decisions.total, items },
      openings,
      myScorecards,
      admin,
    };
  }
}
