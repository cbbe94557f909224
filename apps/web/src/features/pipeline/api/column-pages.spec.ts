import { describe, expect, test } from '@jest/globals';
import type { Application, BoardCard, BoardColumnPage } from '@scorecard/contracts';
import { pagesAfterMove } from './move-application';
import { mergeCards } from './pipeline-queries';

const card = (id: string): BoardCard => ({
  applicationId: id,
  candidate: { id: `c-${id}`, name: `Name ${id}`, currentTitle: '', currentCompany: '' },
  stage: 'applied',
  stageEnteredAt: '2026-12-01T10:00:00.000Z',
  revision: 0,
  scorecardsIn: 0,
  interviews: 0,
  dealbreaker: false,
  stuck: false,
});
const page = (ids: string[], nextCursor: string | null = null): BoardColumnPage => ({
  stage: 'applied',
  count: 9,
  cards: ids.map(card),
  nextCursor,
});
const ids = (cards: BoardCard[]) => cards.map((c) => c.applicationId);

describe('a board column made of the board’s first page and later pages', () => {
  test('is the first page alone until a later page is in', () => {
    const first = [card('a'), card('b')];
    expect(mergeCards(first, undefined)).toBe(first);
    expect(mergeCards(first, [])).toBe(first);
  });

  test('follows the first page with the later pages, in order', () => {
    expect(ids(mergeCards([card('a'), card('b')], [page(['c', 'd']), page(['e'])]))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('shows a card once when a refreshed first page now holds a card a later page held (a card above it moved out)', () => {
    expect(ids(mergeCards([card('b'), card('c')], [page(['c', 'd'])]))).toEqual(['b', 'c', 'd']);
  });
});

describe('later pages after a move', () => {
  const moved = { id: 'd', stage: 'screen' } as Application;

  test('drop the moved card at once (the refetched board shows it in its new column)', () => {
    const pages = { pages: [page(['c', 'd'], 'x'), page(['e'])], pageParams: ['p1', 'x'] };
    const after = pagesAfterMove(pages, moved);
    expect(after.pages.map((p) => ids(p.cards))).toEqual([['c'], ['e']]);
    expect(after.pageParams).toEqual(['p1', 'x']);
  });

  test('stay as they were when the moved card is not on them', () => {
    const pages = { pages: [page(['c'])], pageParams: ['p1'] };
    expect(pagesAfterMove(pages, moved)).toBe(pages);
  });
});
