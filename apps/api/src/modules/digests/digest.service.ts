import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Db } from '../../database/db.js';
import { MailService } from '../mail/mail.service.js';
import { QueueService } from '../queue/queue.service.js';
import { type DecisionItem, DigestRepository, type DueDigest, type OverdueItem } from './digest.repository.js';

/** How many of each list one digest names; the counts in its subject and heading are of all of them. */
export const DIGEST_LIST_LIMIT = 10;
/** The local hour from which a hiring manager's digest of the day is due. */
export const DIGEST_LOCAL_HOUR = 8;

const HOUR = 3_600_000;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 days", "5 hours", "40 minutes": how long ago `since` was at `now`. */
export function howLong(since: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - since.getTime());
  if (ms >= 48 * HOUR) return plural(Math.floor(ms / (24 * HOUR)), 'day', 'days');
  if (ms >= HOUR) return plural(Math.floor(ms / HOUR), 'hour', 'hours');
  return plural(Math.max(1, Math.floor(ms / 60_000)), 'minute', 'minutes');
}

/** "Your Scorecard digest: 2 decisions waiting, 3 scorecards overdue" (names nothing about candidates). */
export function digestSubject(decisions: number, overdue: number): string {
  const parts = [
    decisions > 0 ? `${plural(decisions, 'decision', 'decisions')} waiting` : null,
    overdue > 0 ? `${plural(overdue, 'scorecard', 'scorecards')} overdue` : null,
  ].filter((p): p is string => p !== null);
  return `Your Scorecard digest: ${parts.join(', ')}`;
}

/**
 * The hiring managers' daily digest: once a day, from 08:00 in each hiring manager's own time zone,
 * the decisions waiting and the scorecards overdue on their open openings; nothing to report, no
 * email; opted out (`digest`), no email. The `digests` queue runs `sweep` every 15 minutes (once
 * per tick across instances); the email's dedupe key `digest:<user>:<local date>` makes each day's
 * digest exist once however many sweeps or instances find it due.
 */
@Injectable()
export class DigestService implements OnModuleInit {
  private readonly log = new Logger('Digests');

  constructor(
    private readonly db: Db,
    private readonly repo: DigestRepository,
    private readonly mail: MailService,
    private readonly queue: QueueService,
  ) {}

  onModuleInit(): void {
    this.queue.register('digests', () => this.sweep().then(() => undefined), { cron: '*/15 * * * *' });
  }

  /** Writes every digest due at `now`, organization by organization; answers how many were queued. */
  async sweep(now = new Date()): Promise<number> {
    // One organization's failure does not keep the others' digests back; the next sweep retries it.
    return this.db.sumOverOrganizations(
      (organizationId) => this.sweepOrganization(organizationId, now),
      (organizationId, err) => this.log.warn(`digest sweep of organization ${organizationId} failed: ${err.message}`),
    );
  }

  private async sweepOrganization(organizationId: string, now: Date): Promise<number> {
    let queued = 0;
    for (const due of await this.repo.due(organizationId, now)) {
      if (due.decisions === 0 && due.overdue === 0) continue;
      const [decisions, overdue] = await Promise.all([
        due.decisions > 0 ? this.repo.decisions(organizationId, due.id, DIGEST_LIST_LIMIT) : Promise.resolve([]),
        due.overdue > 0 ? this.repo.overdue(organizationId, due.id, now, DIGEST_LIST_LIMIT) : Promise.resolve([]),
      ]);
      const result = await this.mail.enqueue({
        organizationId,
        kind: 'digest',
        recipientId: due.id,
        subject: digestSubject(due.decisions, due.overdue),
        content: this.content(due, decisions, overdue, now),
        dedupeKey: `digest:${due.id}:${due.local_date}`,
      });
      if (result.queued) queued++;
    }
    return queued;
  }

  private content(due: DueDigest, decisions: DecisionItem[], overdue: OverdueItem[], now: Date) {
    const paragraphs: string[] = [];
    const more = (total: number, shown: number) =>
      total > shown ? [`…and ${total - shown} more on your home page.`] : [];
    if (due.decisions > 0) {
      paragraphs.push(`${plural(due.decisions, 'decision is', 'decisions are')} waiting on you:`);
      for (const d of decisions) {
        const cards = `${d.submitted} of ${plural(d.expected, 'scorecard', 'scorecards')} in`;
        paragraphs.push(
          `• ${d.candidate_name}, ${d.opening_title}: in debrief for ${howLong(d.stage_entered_at, now)}, ${cards}. ` +
            this.mail.link(`/applications/${d.application_id}/debrief`),
        );
      }
      paragraphs.push(...more(due.decisions, decisions.length));
    }
    if (due.overdue > 0) {
      paragraphs.push(`${plural(due.overdue, 'scorecard is', 'scorecards are')} overdue on your openings:`);
      for (const o of overdue) {
        paragraphs.push(
          `• ${o.candidate_name}, ${o.opening_title} (${o.step_name}): ${o.interviewer_name}'s scorecard, ` +
            `${howLong(o.feedback_due_at, now)} overdue. ` +
            this.mail.link(`/applications/${o.application_id}`),
        );
      }
      paragraphs.push(...more(due.overdue, overdue.length));
    }
    return {
      heading: 'Your daily digest',
      paragraphs,
      action: { label: 'Open your home page', url: this.mail.link('/') },
      reason: `You get this digest each morning (08:00, ${due.time_zone}) as the hiring manager of open openings.`,
    };
  }
}
