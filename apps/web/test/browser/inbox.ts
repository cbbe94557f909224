import { readFileSync } from 'node:fs';

/** One message the browser tests' mail sink received (see mail-sink.mjs). */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

function inboxFile(): string {
  const file = process.env.SCORECARD_MAIL_SINK_FILE;
  if (!file) throw new Error('SCORECARD_MAIL_SINK_FILE is not set: run these tests through jest (global-setup.mjs)');
  return file;
}

/** Every message received so far, oldest first. */
export function receivedMail(): ReceivedMail[] {
  return readFileSync(inboxFile(), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ReceivedMail);
}

/** The first message to `address` (matching `where`), polling the sink's file until `timeoutMs`. */
export async function waitForMail(
  address: string,
  where: (m: ReceivedMail) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = receivedMail().find((m) => m.to.includes(address.toLowerCase()) && where(m));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = receivedMail().map((m) => `${m.to.join(',')}: ${m.subject}`);
      throw new Error(`no email to ${address} within ${timeoutMs} ms; received:\n  ${seen.join('\n  ') || '(none)'}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first link in `text` that starts with `prefix` (a plain-text email writes links out in full). */
export function linkIn(text: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s<>"')]*`).exec(text);
  if (!match) throw new Error(`no link starting ${prefix} in:\n${text}`);
  return match[0];
}
