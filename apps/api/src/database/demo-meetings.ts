import type { INestApplicationContext } from '@nestjs/common';
import type { Recommendation } from '@scorecard/contracts';
import { MeetingsService } from '../modules/meetings/meetings.service.js';
import { Db } from './db.js';
import type { DemoContext, Step } from './demo-context.js';

/** The demo's candidate in debrief whose panel met: Tomasz Nowak (Ines, Mateo, Priya and Jonas interviewed him). */
export const DEMO_MEETING_CANDIDATE = 'Tomasz Nowak';

/**
 * Issue 24 in the demo: one finished two-round debrief meeting on Tomasz Nowak, hosted by Harper
 * Lindqvist (the hiring manager); Theo's shadow seat is not on the panel. In round 1 Priya rates the first competency 2 and recommends no while the
 * others rate it 3 or 4 and recommend yes; after the discussion she moves to 3 and yes (toward the
 * others), and Ines moves the second competency from 3 to 4 (away from the others' 3). Its times are
 * set to a meeting of half an hour that ended an hour ago.
 */
export async function seedDemoMeetings(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const db = app.get(Db);
  const meetings = app.get(MeetingsService);
  const host = demo.hiringManager;
  const [rosa] = await step(() =>
    db.query<{ id: string }[]>(
      `select a.id from applications a
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
        where a.organization_id = $1 and c.name = $2 and a.stage = 'debrief'`,
      [host.organizationId, DEMO_MEETING_CANDIDATE],
    ),
  );
  if (!rosa) return;
  const meeting = await step(() => meetings.start(host, rosa.id));
  const [c1, c2] = meeting.competencies.map((c) => c.key);
  const people = {
    harper: host,
    ines: demo.byEmail.get('interviewer1@acme.test')!,
    mateo: demo.byEmail.get('interviewer2@acme.test')!,
    priya: demo.byEmail.get('interviewer3@acme.test')!,
    jonas: demo.byEmail.get('interviewer4@acme.test')!,
  };
  type Ballot = { recommendation: Recommendation; c1: number; c2: number };
  const rounds: Record<1 | 2, Record<keyof typeof people, Ballot>> = {
    1: {
      harper: { recommendation: 'yes', c1: 3, c2: 3 },
      ines: { recommendation: 'strong_yes', c1: 4, c2: 3 },
      mateo: { recommendation: 'yes', c1: 3, c2: 3 },
      priya: { recommendation: 'no', c1: 2, c2: 3 },
      jonas: { recommendation: 'yes', c1: 3, c2: 3 },
    },
    2: {
      harper: { recommendation: 'yes', c1: 3, c2: 3 },
      ines: { recommendation: 'strong_yes', c1: 4, c2: 4 },
      mateo: { recommendation: 'yes', c1: 3, c2: 3 },
      priya: { recommendation: 'yes', c1: 3, c2: 3 },
      jonas: { recommendation: 'yes', c1: 3, c2: 3 },
    },
  };
  for (const round of [1, 2] as const) {
    if (round === 2) await step(() => meetings.openRoundTwo(host, meeting.id));
    for (const [who, b] of Object.entries(rounds[round]) as [keyof typeof people, Ballot][]) {
      // Only panel members vote: someone not on this demo panel is left out rather than failing the seed.
      if (!meeting.members.some((m) => m.id === people[who].userId)) continue;
      await step(() =>
        meetings.vote(people[who], meeting.id, {
          round,
          recommendation: b.recommendation,
          ratings: meeting.competencies.map((c) => ({
            competencyKey: c.key,
            rating: c.key === c1 ? b.c1 : c.key === c2 ? b.c2 : 3,
          })),
        }),
      );
    }
    // Everyone voted: the round revealed itself (round 2 finished the meeting); a host reveal otherwise.
    const now = await step(() => meetings.get(host, meeting.id));
    if (now.status === (round === 1 ? 'round_1' : 'round_2')) {
      await step(() => meetings.reveal(host, meeting.id, { round }));
    }
  }
  // A half-hour meeting that ended an hour ago: votes cast a few minutes into each round.
  await step(async () => {
    await db.query(
      `update debrief_meetings
          set started_at = now() - interval '90 minutes',
              round1_revealed_at = now() - interval '82 minutes',
              round2_opened_at = now() - interval '64 minutes',
              finished_at = now() - interval '60 minutes'
        where organization_id = $1 and id = $2`,
      [host.organizationId, meeting.id],
    );
    await db.query(
      `update debrief_meeting_votes v
          set cast_at = now() - case v.round when 1 then interval '88 minutes' else interval '62 minutes' end
                        + make_interval(secs => 40 * m.position)
         from debrief_meeting_members m
        where v.organization_id = $1 and v.meeting_id = $2
          and m.organization_id = v.organization_id and m.meeting_id = v.meeting_id and m.user_id = v.user_id`,
      [host.organizationId, meeting.id],
    );
  });
}
