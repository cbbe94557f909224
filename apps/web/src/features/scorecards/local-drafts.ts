import type { DraftContent } from './scorecard-draft';

/**
 * Unsent scorecard changes kept in this browser, so a reload, a crash or a lost connection loses
 * nothing. Written on every change, removed once the server has acknowledged all of it.
 */
export type LocalDraft = {
  /** `draft`: changes to a draft scorecard; `amendment`: an amendment being written, with its reason. */
  kind: 'draft' | 'amendment';
  /** The server revision the changes were made on. */
  baseRevision: number;
  content: DraftContent;
  reason?: string;
  /** When the changes were made (ms since the epoch). */
  changedAt: number;
  /** A save was refused as stale: on reload the person still chooses, nothing is sent over the other version. */
  conflict?: boolean;
};

const PREFIX = 'scorecard:unsent:';

function key(scorecardId: string): string {
  return `${PREFIX}${scorecardId}`;
}

export function readLocalDraft(scorecardId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(scorecardId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    if (
      (parsed.kind !== 'draft' && parsed.kind !== 'amendment') ||
      typeof parsed.baseRevision !== 'number' ||
      typeof parsed.content !== 'object' ||
      parsed.content === null
    ) {
      return null;
    }
    const c = parsed.content as Partial<DraftContent>;
    return {
      kind: parsed.kind,
      baseRevision: parsed.baseRevision,
      reason: typeof parsed.reason === 'string' ? parsed.reason : '',
      changedAt: typeof parsed.changedAt === 'number' ? parsed.changedAt : 0,
      conflict: parsed.conflict === true,
      content: {
        ratings: c.ratings ?? {},
        redFlags: c.redFlags ?? {},
        recommendation: c.recommendation ?? null,
        summary: c.summary ?? '',
        notes: c.notes ?? '',
      },
    };
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the page then says changes live only in the tab. */
export function writeLocalDraft(scorecardId: string, draft: LocalDraft): boolean {
  try {
    window.localStorage.setItem(key(scorecardId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(scorecardId: string): void {
  try {
    window.localStorage.removeItem(key(scorecardId));
  } catch {
    // Nothing to do: storage is unavailable, so nothing was kept either.
  }
}
