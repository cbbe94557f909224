import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ChecklistContent, RubricContent } from '@scorecard/contracts';
import { checklistPublishIssues, checkPlan, rubricPublishIssues } from '@scorecard/domain';
import { TECH_LEAD_PLAN, TECH_LEAD_RED_FLAGS, TECH_LEAD_RUBRIC } from './tech-lead-kit.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const competencies = TECH_LEAD_RUBRIC.content.competencies;
const criteria = competencies.flatMap((c) => c.criteria.map((cr) => ({ competency: c, criterion: cr })));

function planSteps(plan = TECH_LEAD_PLAN) {
  return plan.map((s) => ({
    name: s.name,
    kind: s.kind,
    focusCompetencyKeys: s.focus,
    interviewerIds: [randomUUID(), randomUUID()],
    criterionKeys: s.criterionKeys,
  }));
}

describe('Tech Lead rubric', () => {
  it('is valid rubric content that can be published as is', () => {
    expect(RubricContent.safeParse(TECH_LEAD_RUBRIC.content).error).toBeUndefined();
    expect(rubricPublishIssues(TECH_LEAD_RUBRIC.content)).toEqual([]);
    expect(TECH_LEAD_RUBRIC.name).toBe('Tech Lead');
  });

  it('has the four focus areas, in order, each in its own category', () => {
    expect(competencies.map((c) => [c.name, c.category])).toEqual([
      ['Technical depth', 'technical'],
      ['Technical leadership', 'leadership'],
      ['Mentoring and development', 'mentoring'],
      ['Communication and collaboration', 'communication'],
    ]);
    for (const c of competencies) {
      expect(c.weight).toBeGreaterThan(0);
      expect(c.description.trim()).not.toBe('');
    }
  });

  it.each(competencies.map((c) => [c.name, c] as const))('%s has exactly four criteria', (_name, c) => {
    expect(c.criteria).toHaveLength(4);
  });

  it.each(criteria.map(({ criterion }) => [criterion.title, criterion] as const))(
    '"%s" has a question, 2-3 probes and four distinct anchors',
    (_title, cr) => {
      expect(cr.title.trim()).not.toBe('');
      expect(cr.prompt.trim().length).toBeGreaterThan(40);
      expect(cr.probes.length).toBeGreaterThanOrEqual(2);
      expect(cr.probes.length).toBeLessThanOrEqual(3);
      for (const p of cr.probes) expect(p.trim()).not.toBe('');
      for (const a of cr.anchors) expect(a.trim()).not.toBe('');
      expect(new Set(cr.anchors.map((a) => a.trim().toLowerCase())).size).toBe(4);
    },
  );

  it('uses both behavioural and situational questions', () => {
    const types = new Set(criteria.map(({ criterion }) => criterion.questionType));
    expect([...types].sort()).toEqual(['behavioural', 'situational']);
  });

  it('asks why the candidate wants to lead exactly once, in the leadership competency', () => {
    const whyLead = criteria.filter(({ criterion }) => criterion.whyLead);
    expect(whyLead).toHaveLength(1);
    expect(whyLead[0]!.competency.category).toBe('leadership');
  });
});

describe('Tech Lead red flags', () => {
  const items = TECH_LEAD_RED_FLAGS.content.items;

  it('is valid checklist content that can be published as is', () => {
    expect(ChecklistContent.safeParse(TECH_LEAD_RED_FLAGS.content).error).toBeUndefined();
    expect(checklistPublishIssues(TECH_LEAD_RED_FLAGS.content)).toEqual([]);
  });

  it('lists the nine red flags of the guide, between two and four of them dealbreakers', () => {
    expect(items).toHaveLength(9);
    expect(new Set(items.map((i) => i.description)).size).toBe(9);
    const dealbreakers = items.filter((i) => i.severity === 'dealbreaker').length;
    expect(dealbreakers).toBeGreaterThanOrEqual(2);
    expect(dealbreakers).toBeLessThanOrEqual(4);
  });
});

describe('Tech Lead plan template', () => {
  const competencyKeys = new Set(competencies.map((c) => c.key));

  const assessments = TECH_LEAD_PLAN.filter((s) => (s.kind ?? 'assessment') === 'assessment');

  it.each(assessments.map((s) => [s.name, s] as const))(
    '"%s" focuses on 1-2 rubric competencies and asks 2-5 of their criteria in 45-60 minutes',
    (_name, step) => {
      expect(step.focus.length).toBeGreaterThanOrEqual(1);
      expect(step.focus.length).toBeLessThanOrEqual(2);
      for (const k of step.focus) expect(competencyKeys).toContain(k);
      const focusCriteria = new Set(
        competencies.filter((c) => step.focus.includes(c.key)).flatMap((c) => c.criteria.map((cr) => cr.key)),
      );
      expect(step.criterionKeys.length).toBeGreaterThanOrEqual(2);
      expect(step.criterionKeys.length).toBeLessThanOrEqual(5);
      for (const k of step.criterionKeys) expect(focusCriteria).toContain(k);
      expect(step.durationMinutes).toBeGreaterThanOrEqual(45);
      expect(step.durationMinutes).toBeLessThanOrEqual(60);
    },
  );

  it('closes with a candidate’s questions step that asks nothing of the rubric', () => {
    expect(TECH_LEAD_PLAN.map((s) => s.kind ?? 'assessment')).toEqual([
      'assessment',
      'assessment',
      'assessment',
      'assessment',
      'candidate_questions',
    ]);
    expect(TECH_LEAD_PLAN.at(-1)).toMatchObject({ focus: [], criterionKeys: [] });
  });

  it('asks every competency in two steps', () => {
    for (const c of competencies) {
      const own = new Set(c.criteria.map((cr) => cr.key));
      expect([c.name, assessments.filter((s) => s.criterionKeys.some((k) => own.has(k))).length]).toEqual([c.name, 2]);
    }
  });

  it('passes the plan check, warnings included, once its steps have different interviewers and the coding share is set', () => {
    expect(TECH_LEAD_PLAN).toHaveLength(5);
    const result = checkPlan({ rubric: TECH_LEAD_RUBRIC.content, steps: planSteps(), codingSharePct: 60 });
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('fails the plan check with why_lead_not_asked when the why-lead question is taken out', () => {
    const whyLeadKey = criteria.find(({ criterion }) => criterion.whyLead)!.criterion.key;
    const withoutWhyLead = TECH_LEAD_PLAN.map((s) => ({
      ...s,
      criterionKeys: s.criterionKeys.filter((k) => k !== whyLeadKey),
    }));
    const result = checkPlan({
      rubric: TECH_LEAD_RUBRIC.content,
      steps: planSteps(withoutWhyLead),
      codingSharePct: 60,
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['why_lead_not_asked']);
  });
});

describe('Tech Lead kit keys', () => {
  it('are distinct version-4 UUIDs across rubric and checklist, and the plan uses only those', () => {
    const keys = [
      ...competencies.map((c) => c.key),
      ...criteria.map(({ criterion }) => criterion.key),
      ...TECH_LEAD_RED_FLAGS.content.items.map((i) => i.key),
    ];
    expect(keys).toHaveLength(4 + 16 + 9);
    for (const k of keys) expect(k).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(keys.length);
    const planKeys = TECH_LEAD_PLAN.flatMap((s) => [...s.focus, ...s.criterionKeys]);
    for (const k of planKeys) expect(keys).toContain(k);
  });
});
