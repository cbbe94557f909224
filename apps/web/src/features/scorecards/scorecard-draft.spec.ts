import { describe, expect, test } from '@jest/globals';
import {
  answeredCount,
  bodyCoversDraft,
  draftFromScorecard,
  emptyDraft,
  fieldIdForIssue,
  sameBody,
  toBody,
  type DraftContent,
} from './scorecard-draft';
import { CRITERIA, FLAG, kit, scorecard, uuid } from './testing/fixtures';

const draft = (patch: Partial<DraftContent>): DraftContent => ({ ...emptyDraft(), ...patch });

describe('the form’s draft and the request it becomes', () => {
  test('the request holds answered criteria and ticked flags only, in the kit’s order', () => {
    const body = toBody(
      draft({
        ratings: {
          [CRITERIA[1]]: { choice: 'not_assessed', evidence: 'Ran out of time.' },
          [CRITERIA[0]]: { choice: 4, evidence: 'Clear.' },
          [uuid(999)]: { choice: 2, evidence: 'Not in this kit.' },
        },
        redFlags: { [FLAG]: { ticked: false, evidence: 'Unticked again.' } },
      }),
      kit(),
    );
    expect(body.ratings).toEqual([
      { criterionKey: CRITERIA[0], rating: 4, evidence: 'Clear.' },
      { criterionKey: CRITERIA[1], rating: null, evidence: 'Ran out of time.' },
    ]);
    expect(body.redFlags).toEqual([]);
  });

  test('evidence typed before its rating is kept in the form but not sent', () => {
    const waiting = draft({ ratings: { [CRITERIA[0]]: { choice: null, evidence: 'Notes first.' } } });
    expect(toBody(waiting, kit()).ratings).toEqual([]);
    expect(bodyCoversDraft(waiting)).toBe(false);
    expect(bodyCoversDraft(draft({ ratings: { [CRITERIA[0]]: { choice: null, evidence: '  ' } } }))).toBe(true);
  });

  test('a saved scorecard opens in the form with its asked ratings only; an unasked old rating stays apart', () => {
    const form = draftFromScorecard(
      scorecard({
        ratings: [
          { criterionKey: CRITERIA[0], competencyKey: uuid(100), rating: null, evidence: 'n/a', asked: true },
          { criterionKey: CRITERIA[1], competencyKey: uuid(100), rating: 3, evidence: 'Old.', asked: false },
        ],
        redFlags: [{ flagKey: FLAG, evidence: 'Seen.' }],
        recommendation: 'yes',
      }),
    );
    expect(form.ratings).toEqual({ [CRITERIA[0]]: { choice: 'not_assessed', evidence: 'n/a' } });
    expect(form.redFlags).toEqual({ [FLAG]: { ticked: true, evidence: 'Seen.' } });
    expect(form.recommendation).toBe('yes');
  });

  test('two requests with the same content are the same; any change in text makes them differ', () => {
    const a = toBody(draft({ summary: 'Good.' }), kit());
    expect(sameBody(a, toBody(draft({ summary: 'Good.' }), kit()))).toBe(true);
    expect(sameBody(a, toBody(draft({ summary: 'Good. ' }), kit()))).toBe(false);
  });

  test('progress counts rated criteria of the kit, "not assessed" included', () => {
    const content = draft({
      ratings: {
        [CRITERIA[0]]: { choice: 'not_assessed', evidence: '' },
        [CRITERIA[1]]: { choice: null, evidence: 'Later.' },
      },
    });
    expect(answeredCount(content, kit())).toEqual({ answered: 1, total: 2 });
  });
});

describe('each listed issue points at its field', () => {
  const content = draft({ ratings: { k1: { choice: 3, evidence: '' } }, recommendation: 'no' });
  test.each([
    ['ratings.k1', 'rating-k1-3'],
    ['ratings.k2', 'rating-k2-1'],
    ['ratings.k1.evidence', 'evidence-k1'],
    ['redFlags.f1.evidence', 'flag-evidence-f1'],
    ['recommendation', 'recommendation-no'],
    ['summary', null],
  ])('%s → %s', (path, id) => {
    expect(fieldIdForIssue(path, content)).toBe(id);
  });

  test('with no recommendation chosen yet, the issue focuses the first choice', () => {
    expect(fieldIdForIssue('recommendation', emptyDraft())).toBe('recommendation-strong_no');
  });
});
