// Test data for the scorecard flow's unit tests (imported by *.spec.ts only).
import type { Scorecard } from '@scorecard/contracts';
import type { KitShape } from '../autosave-engine';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const CRITERIA = [uuid(101), uuid(102)] as const;
export const FLAG = uuid(201);

/** A kit of one competency with two criteria and one red flag: what toBody and the autosave read. */
export function kit(): KitShape {
  return {
    interview: { id: uuid(1) },
    competencies: [
      {
        key: uuid(100),
        criteria: CRITERIA.map((key, i) => ({ key, title: `Criterion ${i + 1}` })),
      },
    ],
    redFlags: [{ key: FLAG, description: 'Blames others' }],
  } as unknown as KitShape;
}

/** A draft scorecard that passes the contract's schema (as the API would answer). */
export function scorecard(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    id: uuid(2),
    interviewId: uuid(1),
    applicationId: uuid(3),
    interviewer: { id: uuid(4), name: 'Ines Okafor' },
    step: 'System design',
    stepKind: 'assessment',
    rubricVersionId: uuid(5),
    checklistVersionId: null,
    status: 'draft',
    ratings: [],
    redFlags: [],
    recommendation: null,
    summary: '',
    notes: '',
    revision: 1,
    submittedAt: null,
    contradictionConfirmedAt: null,
    imported: false,
    shadow: false,
    amendments: [],
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}
