import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the test mail server accepted, parsed back (mailparser). */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Every header, lower-cased names: `headers.get('list-unsubscribe')`. */
  headers: ParsedMail['headers'];
  /** Attachments and alternatives (a calendar invitation's text/calendar part is one). */
  attachments: ParsedMail['attachments'];
  /** The raw message, as it arrived, with folded header lines unfolded (RFC 5322 2.2.3). */
  raw: string;
}

export interface TestMailServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /**
   * Refuse the next `n` messages with this SMTP reply (e.g. 451 try later), to prove retries.
   * The refusal is logged by the app and the message retried.
   */
  refuseNext(n: number, reply?: { code: number; message: string }): void;
  /** The first message to `address` (matching `where`), waiting up to `timeoutMs` for it to arrive. */
  waitFor(address: string, where?: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Messages to `address` so far. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (smtp-server), so the app's nodemailer speaks real SMTP to
 * it; each message is parsed back with mailparser. No TLS and no authentication needed.
 */
export async function startMailServer(): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let refusal = { code: 451, message: 'Try again later' };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          done(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              attachments: parsed.attachments,
              raw: raw.replace(/\r?\n(?=[ \t])/g, ''),
            });
            done();
          })
          .catch((err: Error) => done(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => received.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(n, reply) {
      refusals = n;
      if (reply) refusal = reply;
    },
    to,
    async waitFor(address, where = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = to(address).find(where);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = received.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n  ');
          throw new Error(`no email to ${address} within ${timeoutMs} ms; received:\n  ${seen || '(none)'}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in `text` that starts with `prefix` (a link from a received email). */
export function linkIn(text: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s<>"')]*`).exec(text);
  if (!match) throw new Error(`no link starting ${prefix} in:\n${text}`);
  return match[0];
}
