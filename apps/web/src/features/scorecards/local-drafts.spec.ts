import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { readLocalDraft, removeLocalDraft, writeLocalDraft, type LocalDraft } from './local-drafts';
import { emptyDraft } from './scorecard-draft';

const ID = 'scorecard-1';
const KEY = `scorecard:unsent:${ID}`;
const kept: LocalDraft = {
  kind: 'amendment',
  baseRevision: 4,
  content: { ...emptyDraft(), summary: 'Typed offline.' },
  reason: 'Mixed up two criteria',
  changedAt: 1_700_000_000_000,
  conflict: false,
};

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  jest.restoreAllMocks();
});

describe('unsent changes kept in this browser', () => {
  test('what is written is read back after a reload, and gone once removed', () => {
    expect(writeLocalDraft(ID, kept)).toBe(true);
    expect(readLocalDraft(ID)).toEqual(kept);
    removeLocalDraft(ID);
    expect(readLocalDraft(ID)).toBeNull();
  });

  test.each([
    ['not JSON', '{oops'],
    ['an unknown kind', JSON.stringify({ ...kept, kind: 'other' })],
    ['no revision', JSON.stringify({ ...kept, baseRevision: 'x' })],
    ['no content', JSON.stringify({ ...kept, content: null })],
  ])('a damaged copy (%s) is ignored', (_name, raw) => {
    window.localStorage.setItem(KEY, raw);
    expect(readLocalDraft(ID)).toBeNull();
  });

  test('a copy from an older version of the page is completed with empty fields', () => {
    window.localStorage.setItem(KEY, JSON.stringify({ kind: 'draft', baseRevision: 2, content: { summary: 'Old.' } }));
    expect(readLocalDraft(ID)).toEqual({
      kind: 'draft',
      baseRevision: 2,
      reason: '',
      changedAt: 0,
      conflict: false,
      content: { ...emptyDraft(), summary: 'Old.' },
    });
  });

  test('a browser that refuses to store (full or disabled) is reported, not thrown', () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    expect(writeLocalDraft(ID, kept)).toBe(false);
  });
});
