import { describe, expect, it } from '@jest/globals';
import { canChangeOpeningStatus, type OpeningStatus, openingReadinessIssues } from './opening-status.js';

describe('canChangeOpeningStatus', () => {
  const all: OpeningStatus[] = ['draft', 'open', 'on_hold', 'closed'];
  const allowed = new Set([
    'draft>open',
    'draft>closed',
    'open>on_hold',
    'open>closed',
    'on_hold>open',
    'on_hold>closed',
  ]);
  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s -> %s', (from, to) => {
    expect(canChangeOpeningStatus(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
});

describe('openingReadinessIssues', () => {
  it('lists each missing reference by its field', () => {
    expect(
      openingReadinessIssues({ hiringManagerId: null, rubricVersionId: 'r', checklistVersionId: null }).map(
        (i) => i.path,
      ),
    ).toEqual(['hiringManagerId', 'checklistVersionId']);
    expect(openingReadinessIssues({ hiringManagerId: 'h', rubricVersionId: 'r', checklistVersionId: 'c' })).toEqual([]);
  });
});
