import type { InterviewKit, SaveScorecardRequest, Scorecard } from '@scorecard/contracts';
import { ApiError, errorMessage } from '@/lib/api';
import { readLocalDraft, removeLocalDraft, writeLocalDraft } from './local-drafts';
import {
  bodyCoversDraft,
  draftFromScorecard,
  sameBody,
  toBody,
  type DraftContent,
  type ScorecardBody,
} from './scorecard-draft';

/** How long typing must pause before a save goes out. */
export const SAVE_DEBOUNCE_MS = 800;

export type SaveStatus =
  /** Nothing changed since the page loaded. */
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The server could not be reached: the changes are kept in this browser and retried. */
  | { kind: 'offline' }
  | { kind: 'error'; message: string; retrying: boolean }
  /** The scorecard was saved elsewhere (another tab or device) after this page last saw it. */
  | { kind: 'conflict'; latest: Scorecard | null };

/** What the page found in this browser when it loaded. */
export type Restored = 'restored' | 'conflict' | null;

export type KitShape = Pick<InterviewKit, 'competencies' | 'redFlags'> & { interview: { id: string } };

/** What the engine needs from the page: the server calls (TanStack mutations) and where to show state. */
export type AutosavePorts = {
  scorecardId: string;
  /** The kit as the page has it now. */
  kit: () => KitShape;
  /** Sends a save and settles once it got through (retries and offline pauses happen inside). */
  save: (request: SaveScorecardRequest) => Promise<Scorecard>;
  fetchLatest: () => Promise<Scorecard>;
  /** A save is out but paused or retrying: submitting should not wait for it. */
  saveIsStuck: () => boolean;
  /** The server's scorecard changed in a way the page must read again (submitted or reassigned elsewhere). */
  reloadKit: () => void;
  /** Puts a scorecard the server returned into the page's kit. */
  publish: (scorecard: Scorecard) => void;
  setStatus: (update: (current: SaveStatus) => SaveStatus) => void;
  setContent: (content: DraftContent) => void;
  setRestored: (restored: Restored) => void;
  setLocalOk: (ok: boolean) => void;
};

/**
 * Where the form starts: the server's scorecard, or the unsent changes this browser kept for it.
 * Changes made on the revision the server still has (or after its last save) are restored and sent;
 * changes older than a later save made elsewhere are shown too, but the person chooses which to keep.
 */
export function restoreDraft(scorecard: Scorecard, kit: KitShape): { content: DraftContent; restored: Restored } {
  const server = draftFromScorecard(scorecard);
  const local = readLocalDraft(scorecard.id);
  if (!local || local.kind !== 'draft') return { content: server, restored: null };
  if (sameBody(toBody(local.content, kit), toBody(server, kit))) {
    if (bodyCoversDraft(local.content)) {
      removeLocalDraft(scorecard.id);
      return { content: server, restored: null };
    }
    // Only evidence waiting for its rating differs: nothing to send, nothing to choose.
    return { content: local.content, restored: null };
  }
  // A save made just before the reload may have reached the server without its answer reaching
  // this page: changes made after the server's last save are still this page's to send.
  const newer =
    local.baseRevision >= scorecard.revision || (!local.conflict && local.changedAt > Date.parse(scorecard.updatedAt));
  return { content: local.content, restored: newer ? 'restored' : 'conflict' };
}

/**
 * The draft scorecard's autosave, without React. Every change is written to localStorage at once; a
 * save goes to the server after a pause in typing, never while another is in flight (the latest
 * content is queued and sent as soon as it settles); a stale revision (409) stops saving and keeps
 * the local text until the person chooses which version to keep. Retrying and waiting for the
 * connection belong to the save mutation (api/scorecard-mutations.ts).
 */
export function createAutosave(ports: AutosavePorts, scorecard: Scorecard, start: ReturnType<typeof restoreDraft>) {
  const { scorecardId } = ports;
  let revision = scorecard.revision;
  let content = start.content;
  /** The content the server holds, as last sent from here (or loaded). */
  let acked: ScorecardBody = toBody(draftFromScorecard(scorecard), ports.kit());
  let inFlight: Promise<boolean> | null = null;
  /** A change arrived while a save was in flight: send again as soon as it settles. */
  let queued = false;
  let conflict = start.restored === 'conflict';
  let stopped = false;
  /** The page has gone: finish what is out, but retry nothing. */
  let gone = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let localOk = true;

  const persistLocal = () => {
    const ok = writeLocalDraft(scorecardId, {
      kind: 'draft',
      baseRevision: revision,
      content,
      changedAt: Date.now(),
      conflict,
    });
    if (ok !== localOk) {
      localOk = ok;
      ports.setLocalOk(ok);
    }
  };

  const clearDebounce = () => {
    clearTimeout(debounce);
    debounce = undefined;
  };

  const failed = async (error: unknown): Promise<false> => {
    if (stopped || gone) return false;
    if (error instanceof ApiError && error.code === 'stale_revision') {
      conflict = true;
      persistLocal();
      ports.setStatus(() => ({ kind: 'conflict', latest: null }));
      try {
        const latest = await ports.fetchLatest();
        ports.setStatus(() => ({ kind: 'conflict', latest }));
      } catch {
        // The banner still explains; "Use my version" fetches the latest again.
      }
    } else if (error instanceof ApiError && error.code === 'invalid_transition') {
      stopped = true;
      // Submitted in another tab, or the interview was reassigned or cancelled: the server says which.
      ports.setStatus(() => ({ kind: 'error', message: errorMessage(error), retrying: false }));
      ports.reloadKit();
    } else {
      const field = error instanceof ApiError ? error.fieldErrors[0]?.message : undefined;
      ports.setStatus(() => ({ kind: 'error', message: field ?? errorMessage(error), retrying: false }));
    }
    return false;
  };

  const send = async (body: ScorecardBody): Promise<boolean> => {
    ports.setStatus(() => ({ kind: 'saving' }));
    try {
      const saved = await ports.save({ ...body, revision });
      revision = saved.revision;
      // What was sent, not what came back: the server trims text, and comparing with its copy
      // would make trailing spaces look like a change forever.
      acked = body;
      const pending = !sameBody(toBody(content, ports.kit()), body);
      if (pending || !bodyCoversDraft(content)) persistLocal();
      else removeLocalDraft(scorecardId);
      if (!pending) ports.setStatus(() => ({ kind: 'saved', at: new Date() }));
      return true;
    } catch (error) {
      return failed(error);
    }
  };

  const flush = async (): Promise<boolean> => {
    clearDebounce();
    if (stopped || conflict) return false;
    if (inFlight) {
      queued = true;
      return inFlight.then(() => flush());
    }
    const body = toBody(content, ports.kit());
    if (sameBody(body, acked)) {
      if (bodyCoversDraft(content)) removeLocalDraft(scorecardId);
      ports.setStatus((s) =>
        s.kind === 'saving' || s.kind === 'offline' || s.kind === 'error' ? { kind: 'saved', at: new Date() } : s,
      );
      return true;
    }
    const request = send(body);
    inFlight = request;
    const ok = await request;
    inFlight = null;
    if (ok && (queued || !sameBody(toBody(content, ports.kit()), acked))) {
      queued = false;
      // Changes made while the save was out: send them now rather than after another pause.
      return flush();
    }
    queued = false;
    return ok;
  };

  const schedule = () => {
    if (stopped || conflict) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => void flush(), SAVE_DEBOUNCE_MS);
    ports.setStatus(() => ({ kind: 'saving' }));
  };

  const reset = (latest: Scorecard) => {
    revision = latest.revision;
    acked = toBody(draftFromScorecard(latest), ports.kit());
    conflict = false;
    ports.setRestored(null);
  };

  return {
    /** Whether a failure that may pass is still worth retrying (the page is open, saving goes on). */
    keepTrying: () => !gone && !stopped && !conflict,

    update(recipe: (draft: DraftContent) => DraftContent): void {
      if (stopped) return;
      content = recipe(content);
      ports.setContent(content);
      persistLocal();
      if (inFlight) queued = true;
      if (!conflict) schedule();
    },

    /** Sends what is pending now (unsent changes restored on load, back online, the tab hidden, "Try again"). */
    flushNow(): Promise<boolean> {
      if (stopped || conflict) return Promise.resolve(false);
      return flush();
    },

    /** Saves what is pending now; resolves with the revision the server holds, or null if it could not. */
    async saveNow(): Promise<number | null> {
      if (inFlight && ports.saveIsStuck()) return null;
      const ok = await flush();
      return ok ? revision : null;
    },

    /** After a stale save: keep this page's version and save it over the latest. */
    async keepMine(known: Scorecard | null): Promise<void> {
      let latest = known;
      if (!latest) {
        try {
          latest = await ports.fetchLatest();
        } catch (error) {
          ports.setStatus(() => ({ kind: 'conflict', latest: null }));
          throw error;
        }
      }
      if (latest.status !== 'draft') {
        stopped = true;
        ports.reloadKit();
        return;
      }
      reset(latest);
      persistLocal();
      await flush();
    },

    /** After a stale save: drop this page's changes and continue from the latest saved version. */
    async takeLatest(known: Scorecard | null): Promise<void> {
      const latest = known ?? (await ports.fetchLatest());
      reset(latest);
      content = draftFromScorecard(latest);
      ports.setContent(content);
      removeLocalDraft(scorecardId);
      ports.publish(latest);
      ports.setStatus(() => ({ kind: 'saved', at: new Date(latest.updatedAt) }));
      if (latest.status !== 'draft') ports.reloadKit();
    },

    /** Submitted: nothing more is saved from this page, and the local copy has served its purpose. */
    stop(): void {
      stopped = true;
      clearDebounce();
      removeLocalDraft(scorecardId);
    },

    /** Leaving the page: send what is pending (the local copy is there either way), retry nothing more. */
    leave(): void {
      const pending = debounce !== undefined;
      clearDebounce();
      if (pending && !stopped && !conflict) void flush();
      gone = true;
    },

    /** Coming back (React's development double mount): saving goes on. */
    enter(): void {
      gone = false;
    },
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
