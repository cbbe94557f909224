import { describe, expect, it } from '@jest/globals';
import { ImportScorecardRequest, unifiedRecommendation, UnifiedRecommendation } from './integrations.js';
import { Recommendation } from './scorecards.js';

describe('unifiedRecommendation', () => {
  it.each([
    ['strong_no', 'definitely_no'],
    ['no', 'no'],
    ['yes', 'yes'],
    ['strong_yes', 'strong_yes'],
    [null, 'no_decision'],
  ] as const)('maps our %s to the unified-ATS %s', (ours, unified) => {
    expect(unifiedRecommendation(ours)).toBe(unified);
  });

  it('covers every recommendation of ours with a distinct unified value', () => {
    const mapped = [...Recommendation.options, null].map(unifiedRecommendation);
    expect(new Set(mapped).size).toBe(mapped.length);
    for (const m of mapped) expect(UnifiedRecommendation.options).toContain(m);
  });
});

describe('ImportScorecardRequest', () => {
  const key = '6f1c2a52-8e0b-4a43-9a55-1c1f0f6a2b01';
  const valid = {
    applicationId: '0b8c8c47-42a6-4c0e-9d39-1e5a2f4e6a10',
    interviewerId: '1d2e7e5e-56b1-4a9c-8f0d-2b9c61f5d3a2',
    stepKey: '3f4a9b0c-7d21-4e55-b3c8-5a6d7e8f9a0b',
    source: 'greenhouse',
    externalId: 'gh-123',
    submittedAt: '2025-05-01T10:00:00Z',
    ratings: [{ criterionKey: key, rating: 3 }],
    recommendation: 'yes',
    summary: 'Solid.',
  };

  it('accepts a past scorecard and fills in evidence and red flags', () => {
    expect(ImportScorecardRequest.parse(valid)).toMatchObject({
      ratings: [{ criterionKey: key, rating: 3, evidence: '' }],
      redFlags: [],
    });
  });

  it.each([
    ['a future submission', { submittedAt: '2999-01-01T00:00:00Z' }, 'submittedAt'],
    ['a rating of 0', { ratings: [{ criterionKey: key, rating: 0 }] }, 'ratings'],
    ['not assessed', { ratings: [{ criterionKey: key, rating: null }] }, 'ratings'],
    ['no rating at all', { ratings: [] }, 'ratings'],
    [
      'a criterion rated twice',
      {
        ratings: [
          { criterionKey: key, rating: 3 },
          { criterionKey: key, rating: 2 },
        ],
      },
      'ratings',
    ],
    ['no recommendation', { recommendation: null }, 'recommendation'],
    ['an empty external id', { externalId: ' ' }, 'externalId'],
  ])('refuses %s', (_what, change, path) => {
    const r = ImportScorecardRequest.safeParse({ ...valid, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toContain(path);
  });
});
