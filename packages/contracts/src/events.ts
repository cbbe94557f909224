import { z } from 'zod';

/** The SSE channel name and the event names of a debrief's live updates. */
export const DEBRIEF_EVENT_NAMES = { ready: 'ready', changed: 'changed' } as const;

/**
 * What changed on an application; the data of a `changed` event. It never carries feedback: the
 * client refetches the debrief, which applies the independence rule. `resync` means updates may
 * have been missed (the server's listening connection to the database was re-established).
 */
export const DebriefEventKind = z.enum([
  'scorecard_submitted',
  'scorecard_amended',
  'decision_recorded',
  'interviews_changed',
  /** A debrief meeting started, took a vote, revealed a round, opened round 2, finished or was cancelled (issue 24 §1). */
  'meeting_changed',
  'resync',
]);
export type DebriefEventKind = z.infer<typeof DebriefEventKind>;

export const DebriefEvent = z.object({ kind: DebriefEventKind }).meta({ id: 'DebriefEvent' });
export type DebriefEvent = z.infer<typeof DebriefEvent>;
