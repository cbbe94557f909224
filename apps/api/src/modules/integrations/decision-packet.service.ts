import { Injectable } from '@nestjs/common';
import {
  DECISION_PACKET_SCHEMA,
  DECISION_PACKET_VERSION,
  type DecisionPacket,
  type DecisionPacketScorecard,
  unifiedRecommendation,
} from '@scorecard/contracts';
import type { Caller } from '../../common/request-context.js';
import { DebriefsService } from '../debriefs/debriefs.service.js';
import { DecisionPacketRepository } from './decision-packet.repository.js';

/**
 * An application's decision packet (docs/INTEGRATIONS.md): the debrief, read as the debrief reads
 * it (the same access rules, the independence rule, the same figures, submitted scorecards only,
 * and the same record that the caller read the panel's feedback), reshaped into a stable,
 * versioned document that maps onto the unified-ATS scorecard model.
 */
@Injectable()
export class DecisionPacketService {
  constructor(
    private readonly debriefs: DebriefsService,
    private readonly packets: DecisionPacketRepository,
  ) {}

  async packet(caller: Caller, applicationId: string): Promise<DecisionPacket> {
    const d = await this.debriefs.debrief(caller, applicationId, 'independent');
    const extras = await this.packets.extras(
      caller.organizationId,
      d.scorecards.map((s) => s.id),
    );
    const criteria = new Map(
      d.competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, { competency: c.name, title: cr.title }] as const)),
    );
    const flags = new Map(d.redFlags.map((f) => [f.flagKey, f]));
    // Only admins see members' emails (as in the member list); a token acts as its admin.
    const showEmails = caller.role === 'admin';
    // A shadow's scorecard (issue 24 §5) is a trainee's record, not evidence for the decision: left out.
    const counted = d.scorecards.filter((s) => !s.shadow);
    const scorecards = counted.map((s): DecisionPacketScorecard => {
      const extra = extras.get(s.id);
      return {
        id: s.id,
        interviewId: s.interviewId,
        step: s.step,
        interviewer: {
          id: s.interviewer.id,
          name: s.interviewer.name,
          email: showEmails ? (extra?.email ?? null) : null,
        },
        // The debrief lists submitted scorecards only.
        submittedAt: s.submittedAt!,
        imported: s.imported,
        importSource: extra?.importSource ?? null,
        overallRecommendation: unifiedRecommendation(s.recommendation),
        recommendation: s.recommendation,
        summary: s.summary,
        amended: s.amendments.length > 0,
        ratings: s.ratings
          .filter((r) => r.asked)
          .map((r) => ({
            competencyKey: r.competencyKey,
            competency: criteria.get(r.criterionKey)?.competency ?? '',
            criterionKey: r.criterionKey,
            criterion: criteria.get(r.criterionKey)?.title ?? '',
            rating: r.rating,
            evidence: r.evidence,
          })),
        redFlags: s.redFlags.map((f) => ({
          flagKey: f.flagKey,
          description: flags.get(f.flagKey)?.description ?? '',
          severity: flags.get(f.flagKey)?.severity ?? 'concern',
          evidence: f.evidence,
        })),
      };
    });
    const latest = d.decisions[0];
    return {
      schema: DECISION_PACKET_SCHEMA,
      version: DECISION_PACKET_VERSION,
      generatedAt: new Date().toISOString(),
      application: { id: d.application.id, stage: d.application.stage },
      candidate: { id: d.application.candidate.id, name: d.application.candidate.name },
      opening: d.application.opening,
      rubric: d.rubricVersion && {
        versionId: d.rubricVersion.id,
        name: d.rubricVersion.name,
        version: d.rubricVersion.version,
        competencies: d.competencies.map((c) => ({
          key: c.key,
          name: c.name,
          category: c.category,
          weight: c.weight,
          criteria: c.criteria.map((cr) => ({ key: cr.key, title: cr.title })),
        })),
      },
      scorecards,
      figures: {
        overall: d.overall,
        competencies: d.competencies.map((c) => ({ key: c.key, stat: c.stat, disagreement: c.disagreement })),
        recommendations: d.tally,
        recommendationSplit: d.disagreements.recommendationSplit,
        dealbreaker: d.dealbreaker,
        scorecards: scorecards.length,
        importedScorecards: scorecards.filter((s) => s.imported).length,
      },
      decision: latest
        ? { outcome: latest.decision, decidedBy: latest.by, decidedAt: latest.at, rationale: latest.rationale }
        : null,
    };
  }
}
