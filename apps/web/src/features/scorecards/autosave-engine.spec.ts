import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { SaveScorecardRequest, Scorecard } from '@scorecard/contracts';
import { ApiError } from '@/lib/api';
import { createAutosave, restoreDraft, SAVE_DEBOUNCE_MS, type AutosavePorts, type SaveStatus } from './autosave-engine';
import { readLocalDraft, writeLocalDraft } from './local-drafts';
import { CRITERIA, kit, scorecard } from './testing/fixtures';

type Deferred = { resolve: (s: Scorecard) => void; reject: (e: unknown) => void; request: SaveScorecardRequest };

/** An engine whose saves wait until the test answers them, one deferred per request. */
function harness(start = scorecard()) {
  const saves: Deferred[] = [];
  let status: SaveStatus = { kind: 'idle' };
  const ports = {
    scorecardId: start.id,
    kit,
    save: jest.fn(
      (request: SaveScorecardRequest) =>
        new Promise<Scorecard>((resolve, reject) => saves.push({ resolve, reject, request })),
    ),
    fetchLatest: jest.fn(() => Promise.resolve(scorecard({ revision: 7, summary: 'Saved elsewhere.' }))),
    saveIsStuck: jest.fn(() => false),
    reloadKit: jest.fn(),
    publish: jest.fn(),
    setStatus: (update: (s: SaveStatus) => SaveStatus) => {
      status = update(status);
    },
    setContent: jest.fn(),
    setRestored: jest.fn(),
    setLocalOk: jest.fn(),
  } satisfies AutosavePorts;
  const engine = createAutosave(ports, start, restoreDraft(start, kit()));
  return { engine, ports, saves, status: () => status };
}

const rate =
  (choice: 1 | 2 | 3 | 4, evidence = 'Saw it.') =>
  (d: Parameters<Parameters<ReturnType<typeof harness>['engine']['update']>[0]>[0]) => ({
    ...d,
    ratings: { ...d.ratings, [CRITERIA[0]]: { choice, evidence } },
  });

const stale = new ApiError({ status: 409, code: 'stale_revision', title: 'Stale revision' });

/** A page whose first save (a rating of 3) was refused as stale: another tab saved revision 7. */
async function conflicted() {
  const h = harness();
  h.engine.update(rate(3));
  await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
  h.saves[0]!.reject(stale);
  await jest.advanceTimersByTimeAsync(0);
  return h;
}

beforeEach(() => {
  jest.useFakeTimers();
  window.localStorage.clear();
});
afterEach(() => {
  jest.useRealTimers();
});

describe('autosave engine', () => {
  test('a change is saved once typing has paused for the debounce, not before', async () => {
    const { engine, ports, status } = harness();
    engine.update(rate(3));
    expect(status()).toEqual({ kind: 'saving' });
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 1);
    expect(ports.save).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(ports.save).toHaveBeenCalledTimes(1);
    expect(ports.save.mock.calls[0]![0]).toMatchObject({
      revision: 1,
      ratings: [{ criterionKey: CRITERIA[0], rating: 3, evidence: 'Saw it.' }],
    });
  });

  test('every change is kept in this browser at once, before any save', () => {
    const { engine } = harness();
    engine.update(rate(2, 'Typed before the save.'));
    expect(readLocalDraft(scorecard().id)?.content.ratings[CRITERIA[0]]).toEqual({
      choice: 2,
      evidence: 'Typed before the save.',
    });
  });

  test('changes made while a save is out wait for it, then go in one request on the revision it returned', async () => {
    const { engine, ports, saves, status } = harness();
    engine.update(rate(1));
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    engine.update(rate(2));
    engine.update(rate(4, 'Latest words.'));
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS * 3);
    expect(ports.save).toHaveBeenCalledTimes(1);

    saves[0]!.resolve(scorecard({ revision: 2 }));
    await jest.advanceTimersByTimeAsync(0);
    expect(ports.save).toHaveBeenCalledTimes(2);
    expect(saves[1]!.request).toMatchObject({ revision: 2, ratings: [{ rating: 4, evidence: 'Latest words.' }] });
    saves[1]!.resolve(scorecard({ revision: 3 }));
    await jest.advanceTimersByTimeAsync(0);
    expect(status().kind).toBe('saved');
    // Everything reached the server: the local copy has served its purpose.
    expect(readLocalDraft(scorecard().id)).toBeNull();
  });

  test('a stale revision (409) stops saving, keeps the local copy marked as a conflict and shows the latest', async () => {
    const { engine, ports, status } = await conflicted();
    expect(status()).toEqual({ kind: 'conflict', latest: expect.objectContaining({ revision: 7 }) });
    expect(readLocalDraft(scorecard().id)).toMatchObject({ conflict: true });

    engine.update(rate(4));
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS * 2);
    expect(ports.save).toHaveBeenCalledTimes(1);
    expect(engine.keepTrying()).toBe(false);
  });

  test('"Use my version" after a conflict saves this page over the latest revision', async () => {
    const { engine, ports, saves } = await conflicted();

    const done = engine.keepMine(scorecard({ revision: 7 }));
    await jest.advanceTimersByTimeAsync(0);
    expect(saves[1]!.request).toMatchObject({ revision: 7, ratings: [{ rating: 3 }] });
    saves[1]!.resolve(scorecard({ revision: 8 }));
    await done;
    expect(ports.setRestored).toHaveBeenCalledWith(null);
  });

  test('"Use the saved version" drops this page’s changes and its local copy', async () => {
    const { engine, ports, status } = await conflicted();

    const latest = scorecard({ revision: 7, summary: 'Saved elsewhere.' });
    await engine.takeLatest(latest);
    expect(ports.setContent).toHaveBeenLastCalledWith(expect.objectContaining({ summary: 'Saved elsewhere.' }));
    expect(ports.publish).toHaveBeenCalledWith(latest);
    expect(readLocalDraft(scorecard().id)).toBeNull();
    expect(status().kind).toBe('saved');
  });

  test('saving before a submit resolves with the revision the server holds', async () => {
    const { engine, saves } = harness();
    engine.update(rate(2));
    const revision = engine.saveNow();
    await jest.advanceTimersByTimeAsync(0);
    saves[0]!.resolve(scorecard({ revision: 5 }));
    await expect(revision).resolves.toBe(5);
  });

  test('saving before a submit answers null at once while a save is stuck offline or retrying', async () => {
    const { engine, ports } = harness();
    engine.update(rate(2));
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    ports.saveIsStuck.mockReturnValue(true);
    await expect(engine.saveNow()).resolves.toBeNull();
  });

  test('a refused transition (submitted elsewhere) stops saving and reads the kit again', async () => {
    const { engine, ports, saves, status } = harness();
    engine.update(rate(2));
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    saves[0]!.reject(new ApiError({ status: 409, code: 'invalid_transition', title: 'Already submitted' }));
    await jest.advanceTimersByTimeAsync(0);
    expect(status()).toMatchObject({ kind: 'error', retrying: false });
    expect(ports.reloadKit).toHaveBeenCalled();
    engine.update(rate(3));
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    expect(ports.save).toHaveBeenCalledTimes(1);
  });

  test('leaving the page sends a pending change at once, and nothing is retried after', async () => {
    const { engine, ports } = harness();
    engine.update(rate(2));
    engine.leave();
    await jest.advanceTimersByTimeAsync(0);
    expect(ports.save).toHaveBeenCalledTimes(1);
    expect(engine.keepTrying()).toBe(false);
  });

  test('once submitted, a pending save is cancelled and the local copy removed', async () => {
    const { engine, ports } = harness();
    engine.update(rate(2));
    engine.stop();
    await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS * 2);
    expect(ports.save).not.toHaveBeenCalled();
    expect(readLocalDraft(scorecard().id)).toBeNull();
  });
});

describe('restoreDraft: where the form starts after a reload', () => {
  const server = scorecard({ revision: 3, updatedAt: '2026-12-01T10:00:00.000Z' });
  const changed = {
    ratings: { [CRITERIA[0]]: { choice: 2 as const, evidence: 'Kept here.' } },
    redFlags: {},
    recommendation: null,
    summary: '',
    notes: '',
  };
  const at = (iso: string) => Date.parse(iso);

  test.each([
    ['nothing kept here: the server’s scorecard', null, null],
    ['changes on the revision the server still has: restored and sent', { baseRevision: 3, changedAt: 0 }, 'restored'],
    [
      'changes made after the server’s last save: restored',
      { baseRevision: 2, changedAt: at('2026-12-01T11:00:00Z') },
      'restored',
    ],
    [
      'changes older than a save made elsewhere: the person chooses',
      { baseRevision: 2, changedAt: at('2026-12-01T09:00:00Z') },
      'conflict',
    ],
    [
      'a refused save kept for later: the person still chooses',
      { baseRevision: 2, changedAt: at('2026-12-01T11:00:00Z'), conflict: true },
      'conflict',
    ],
  ] as const)('%s', (_name, local, restored) => {
    if (local) writeLocalDraft(server.id, { kind: 'draft', content: changed, ...local });
    const start = restoreDraft(server, kit());
    expect(start.restored).toBe(restored);
    expect(start.content.ratings[CRITERIA[0]]?.evidence).toBe(local ? 'Kept here.' : undefined);
  });

  test('a local copy equal to the server’s is dropped', () => {
    writeLocalDraft(server.id, {
      kind: 'draft',
      baseRevision: 3,
      changedAt: 0,
      content: { ratings: {}, redFlags: {}, recommendation: null, summary: '', notes: '' },
    });
    expect(restoreDraft(server, kit()).restored).toBeNull();
    expect(readLocalDraft(server.id)).toBeNull();
  });
});
