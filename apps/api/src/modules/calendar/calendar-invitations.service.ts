import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { MailService } from '../mail/mail.service.js';
import { type CalendarInterview, CalendarRepository } from './calendar.repository.js';
import { buildCalendar, parseMailbox } from './ical.js';
import { formatWhen, interviewEvent, interviewTitle } from './interview-event.js';

/** Why an invitation email goes out; it decides its METHOD, subject and words. */
type Occasion = 'scheduled' | 'updated' | 'reassigned' | 'cancelled';

/** Whether a calendar should still hear about the interview: it has not ended yet. */
const upcoming = (i: CalendarInterview, now: Date) => i.endsAt.getTime() > now.getTime();

/** Whether a change moves the event in a calendar: its time, length, place or video link. */
const moved = (a: CalendarInterview, b: CalendarInterview) =>
  a.startsAt.getTime() !== b.startsAt.getTime() ||
  a.durationMinutes !== b.durationMinutes ||
  a.location !== b.location ||
  a.videoLink !== b.videoLink;

/**
 * Calendar invitations by email (iCalendar, RFC 5545; iTIP, RFC 5546): scheduling an interview sends
 * its interviewer a `REQUEST`; a change of time, length, place or link sends an updated `REQUEST`
 * with a higher SEQUENCE (the interview's revision) and the same UID; a new interviewer gets a
 * `REQUEST` and the previous one a `CANCEL`; a cancellation sends a `CANCEL`. Each email is written
 * in the transaction of the change (MailService), so a change refused or rolled back sends nothing.
 * An interview that has already ended (one recorded after the fact) sends nothing: no calendar
 * needs it. The interviewer can turn these emails off (`calendar_invitation`).
 *
 * The interviews service calls `scheduled` after it schedules, `read` before and `updated` after a
 * change, and `cancelled` after a cancellation, all with the change's transaction.
 */
@Injectable()
export class CalendarInvitationsService {
  private readonly organizer;

  constructor(
    private readonly repo: CalendarRepository,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.organizer = parseMailbox(config.mailFrom);
  }

  /** The interview as its calendar event shows it: read before a change, to compare after it. */
  read(organizationId: string, interviewId: string, m: EntityManager): Promise<CalendarInterview | null> {
    return this.repo.interview(organizationId, interviewId, m);
  }

  async scheduled(organizationId: string, interviewId: string, m: EntityManager, now = new Date()): Promise<void> {
    const i = await this.repo.interview(organizationId, interviewId, m);
    if (!i || i.cancelled || !upcoming(i, now)) return;
    await this.send(organizationId, i, i.interviewerId, 'scheduled');
  }

  async updated(organizationId: string, before: CalendarInterview, m: EntityManager, now = new Date()): Promise<void> {
    const after = await this.repo.interview(organizationId, before.id, m);
    if (!after || after.cancelled) return;
    if (after.interviewerId !== before.interviewerId) {
      // The old event leaves the old interviewer's calendar with the new SEQUENCE, as iTIP asks.
      if (upcoming(before, now)) {
        await this.send(organizationId, { ...before, revision: after.revision }, before.interviewerId, 'reassigned');
      }
      if (upcoming(after, now)) await this.send(organizationId, after, after.interviewerId, 'scheduled');
      return;
    }
    if (moved(before, after) && (upcoming(before, now) || upcoming(after, now))) {
      await this.send(organizationId, after, after.interviewerId, 'updated');
    }
  }

  async cancelled(organizationId: string, interviewId: string, m: EntityManager, now = new Date()): Promise<void> {
    const i = await this.repo.interview(organizationId, interviewId, m);
    if (!i || !upcoming(i, now)) return;
    await this.send(organizationId, i, i.interviewerId, 'cancelled');
  }

  private async send(organizationId: string, i: CalendarInterview, to: string, occasion: Occasion): Promise<void> {
    const recipient = await this.mail.recipient(organizationId, to);
    if (!recipient) return;
    const cancel = occasion === 'reassigned' || occasion === 'cancelled';
    const method = cancel ? 'CANCEL' : 'REQUEST';
    const kitUrl = this.mail.link(`/interviews/${i.id}`);
    const ical = buildCalendar({
      method,
      timeZone: recipient.time_zone,
      events: [interviewEvent(i, { publicUrl: this.config.publicUrl, kitUrl }, { cancelled: cancel })],
      organizer: this.organizer,
      attendee: { name: recipient.name, email: recipient.email },
    });
    const title = interviewTitle(i);
    const about = `the ${i.stepName} with ${i.candidateName} for ${i.openingTitle}`;
    const words: Record<Occasion, { subject: string; heading: string; paragraphs: string[] }> = {
      scheduled: {
        subject: title,
        heading: `You are interviewing ${i.candidateName}`,
        paragraphs: [
          `You run ${about}.`,
          'The calendar invitation is attached. Before the interview, open the kit: its questions, the rubric and your scorecard.',
        ],
      },
      updated: {
        subject: `Updated: ${title}`,
        heading: `Your interview with ${i.candidateName} has changed`,
        paragraphs: [
          `The details of ${about} have changed; here they are as they are now.`,
          'The attached update replaces the event in your calendar.',
        ],
      },
      reassigned: {
        subject: `Cancelled: ${title}`,
        heading: `You no longer run this interview`,
        paragraphs: [
          `Another interviewer now runs ${about}.`,
          'The attached cancellation removes it from your calendar.',
        ],
      },
      cancelled: {
        subject: `Cancelled: ${title}`,
        heading: `Your interview with ${i.candidateName} is cancelled`,
        paragraphs: [
          `${about[0]!.toUpperCase()}${about.slice(1)} is cancelled.`,
          'The attached cancellation removes it from your calendar.',
        ],
      },
    };
    const w = words[occasion];
    await this.mail.enqueue({
      organizationId,
      kind: 'calendar_invitation',
      recipientId: to,
      subject: w.subject,
      content: {
        heading: w.heading,
        paragraphs: w.paragraphs,
        details: [
          ['When', formatWhen(i.startsAt, i.endsAt, recipient.time_zone)],
          ...(i.location ? [['Where', i.location] as [string, string]] : []),
          ...(i.videoLink ? [['Video link', i.videoLink] as [string, string]] : []),
        ],
        action: cancel
          ? { label: 'Open your interviews', url: this.mail.link('/interviews') }
          : { label: 'Open the interview kit', url: kitUrl },
        reason: cancel
          ? 'You get this because you were the interviewer of this interview.'
          : 'You get this because you are the interviewer of this interview.',
      },
      ical: { method, content: ical },
      candidateId: i.candidateId,
      dedupeKey: `calendar:${i.id}:${i.revision}:${method}:${to}`,
    });
  }
}
