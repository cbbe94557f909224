import { describe, expect, it } from '@jest/globals';
import { canChangeInterview, canScheduleInterview, scheduleTimes } from './interviews.js';

const at = (iso: string) => new Date(iso);

describe('scheduleTimes', () => {
  it.each([
    ['2026-12-01T09:00:00Z', 60, null, '2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z'],
    ['2026-12-01T23:30:00Z', 45, null, '2026-12-02T00:15:00.000Z', '2026-12-03T00:15:00.000Z'],
    ['2026-12-01T09:00:00Z', 60, '2026-12-01T18:00:00Z', '2026-12-01T10:00:00.000Z', '2026-12-01T18:00:00.000Z'],
  ])('starts %s for %i min, due %s: ends %s, feedback due %s', (start, minutes, due, end, expectedDue) => {
    const r = scheduleTimes({ startsAt: at(start), durationMinutes: minutes, feedbackDueAt: due ? at(due) : null });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.endsAt.toISOString()).toBe(end);
    expect(r.feedbackDueAt.toISOString()).toBe(expectedDue);
  });

  it.each([
    ['due at the very end', '2026-12-01T10:00:00Z'],
    ['due before the interview starts', '2026-12-01T08:00:00Z'],
  ])('refuses feedback %s', (_label, due) => {
    expect(
      scheduleTimes({ startsAt: at('2026-12-01T09:00:00Z'), durationMinutes: 60, feedbackDueAt: at(due) }),
    ).toEqual({
      ok: false,
      path: 'feedbackDueAt',
      message: 'Feedback must be due after the interview ends.',
    });
  });

  it('refuses an invalid start time', () => {
    expect(scheduleTimes({ startsAt: new Date('nope'), durationMinutes: 60 })).toMatchObject({
      ok: false,
      path: 'startsAt',
    });
  });
});

describe('canScheduleInterview', () => {
  it.each([
    ['applied', true],
    ['screen', true],
    ['interviews', true],
    ['debrief', true],
    ['offer', true],
    ['hired', false],
    ['rejected', false],
    ['withdrawn', false],
  ] as const)('an application in %s: %s', (stage, ok) => {
    expect(canScheduleInterview(stage).ok).toBe(ok);
  });
});

describe('canChangeInterview', () => {
  it.each([
    ['scheduled', 'draft', true],
    ['scheduled', null, true],
    ['scheduled', 'submitted', false],
    ['cancelled', 'draft', false],
    ['cancelled', null, false],
  ] as const)('status %s with scorecard %s: %s', (status, scorecardStatus, ok) => {
    expect(canChangeInterview({ status, scorecardStatus }).ok).toBe(ok);
  });
});
