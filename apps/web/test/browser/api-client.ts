// The one client the browser tests arrange data with over HTTP (the behaviour under test always
// goes through the UI): typed by the contract's endpoint table, like the web app's own `api`. And
// the builders of a scenario: `givenOrganization()` signs up an organization of the test's own,
// with the demo's cast and opening, so a journey that changes data never changes what another
// file reads in the demo organization.
import { CSRF_HEADER, CSRF_HEADER_VALUE, endpoints } from '@scorecard/contracts';
import type { z } from 'zod';
import type { EndpointName, ResponseOf } from '../../src/lib/api';
import { baseUrl, uniqueEmail } from './harness';

type Endpoints = typeof endpoints;
type Input<N extends EndpointName, K extends string> = Endpoints[N] extends {
  readonly [P in K]: infer S extends z.ZodType;
}
  ? z.input<S>
  : never;

/** What a test passes for endpoint `N`: the parts it declares, as a client writes them (defaults may be left out). */
export type CallOptions<N extends EndpointName> = (Endpoints[N] extends { params: z.ZodType }
  ? { params: Input<N, 'params'> }
  : { params?: never }) &
  (Endpoints[N] extends { query: z.ZodType } ? { query?: Partial<Input<N, 'query'>> } : { query?: never }) &
  (Endpoints[N] extends { body: z.ZodType } ? { body?: Input<N, 'body'> } : { body?: never });

export type Answer = { status: number; body: unknown };

export type ApiSession = {
  /** Any request, answered with its status and body: for a test whose point is the answer (a refusal, a raw path). */
  request: (method: string, path: string, body?: unknown) => Promise<Answer>;
  /** A call of the endpoint table; fails the test with the answer unless it is the endpoint's success. */
  call: <N extends EndpointName>(
    name: N,
    ...options: Partial<CallOptions<N>> extends CallOptions<N> ? [CallOptions<N>?] : [CallOptions<N>]
  ) => Promise<ResponseOf<N>>;
};

/** The endpoint's path with its `:params` filled in and its query appended. */
function url(path: string, params: Record<string, unknown> = {}, query: Record<string, unknown> = {}): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const search = new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return search ? `${filled}?${search}` : filled;
}

/** A caller that sends `cookie` (a session, or none) and the CSRF header. */
function session(cookie: string): ApiSession {
  const request = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const r = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    request,
    async call(name, ...[options]) {
      const endpoint = endpoints[name];
      const o = (options ?? {}) as {
        params?: Record<string, unknown>;
        query?: Record<string, unknown>;
        body?: unknown;
      };
      const path = url(endpoint.path, o.params, o.query);
      return ok(request(endpoint.method.toUpperCase(), path, o.body), endpoint.status);
    },
  };
}

/** Signs in over HTTP and returns a caller that sends the session cookie and the CSRF header. */
export async function apiSignIn(email: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl()}${endpoints.login.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`API sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return session(cookie);
}

/** A caller without a session (for the public endpoints, and to show the others refuse). */
export const anonymous: ApiSession = session('');

/** The answer's body when it has the expected status; otherwise the test fails with what came back. */
export async function ok<T>(res: Promise<Answer>, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`Expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** The password of every member of a given organization. */
export const PASSWORD = 'correct-horse-battery';
/** The title of a given organization's open opening, as in the demo. */
export const OPENING = 'Tech Lead, Platform';
export const HOUR = 3_600_000;

/** The cast of a given organization: the demo's names and roles, with addresses of its own. */
const CAST = {
  admin: { name: 'Avery Admin', role: 'admin' },
  recruiter: { name: 'Riley Recruiter', role: 'recruiter' },
  hm: { name: 'Harper Lindqvist', role: 'hiring_manager' },
  ines: { name: 'Ines Okafor', role: 'interviewer' },
  mateo: { name: 'Mateo Silva', role: 'interviewer' },
  priya: { name: 'Priya Raman', role: 'interviewer' },
  jonas: { name: 'Jonas Weber', role: 'interviewer' },
} as const;
export type CastMember = keyof typeof CAST;

export type Person = { id: string; name: string; email: string; api: ApiSession };

/**
 * The Tech Lead kit's own interview plan (as the demo opening has it), by the titles of its
 * questions: four assessment steps whose questions are shared so every competency has two raters,
 * then the candidate's questions.
 */
const TECH_LEAD_PLAN = [
  {
    name: 'System design and trade-offs',
    durationMinutes: 60,
    focus: ['Technical depth', 'Communication and collaboration'],
    questions: [
      'System design',
      'Evaluating and explaining trade-offs',
      'Hands-on production engineering',
      'Debugging and knowledge of the stack',
      'Adapting to the audience',
    ],
  },
  {
    name: 'Leadership and influence',
    durationMinutes: 60,
    focus: ['Technical leadership', 'Mentoring and development'],
    questions: [
      'Why lead',
      'Influence without authority',
      'Standards and technology choices',
      'Code review philosophy',
      'Building technical culture',
    ],
  },
  {
    name: 'Mentoring and code review',
    durationMinutes: 60,
    focus: ['Mentoring and development', 'Technical leadership'],
    questions: [
      'Engineers they helped grow',
      'Constructive technical feedback',
      'Pairing and knowledge sharing',
      'Code review philosophy',
      'Building technical culture',
    ],
  },
  {
    name: 'Communication with stakeholders',
    durationMinutes: 45,
    focus: ['Communication and collaboration', 'Technical depth'],
    questions: [
      'Trade-offs with non-technical stakeholders',
      'Adapting to the audience',
      'Cross-team collaboration and conflict',
      'Partnership with an engineering manager',
      'Evaluating and explaining trade-offs',
    ],
  },
  { name: 'The candidate’s questions', durationMinutes: 15, focus: [], questions: [], candidateQuestions: true },
];

type Opening = ResponseOf<'getOpening'>;
type Kit = ResponseOf<'getInterviewKit'>;
type Application = ResponseOf<'getApplication'>;
type Stage = Application['stage'];

export interface GivenOrganization {
  name: string;
  password: string;
  people: Record<CastMember, Person>;
  /** The open opening titled OPENING, on the Tech Lead kit and its plan. */
  opening: Opening;
  /** A new candidate, added by the recruiter. */
  candidate(name: string, fields?: Partial<Input<'createCandidate', 'body'>>): Promise<ResponseOf<'createCandidate'>>;
  /** A new candidate applied to the opening by the recruiter and moved through `stages`, in order. */
  application(
    name: string,
    stages?: Stage[],
    fields?: Partial<Input<'createCandidate', 'body'>>,
  ): Promise<{ candidateId: string; applicationId: string }>;
  /** Moves an application on, as the recruiter, from the revision it has now. */
  move(applicationId: string, to: Stage): Promise<Application>;
  /** An interview of the opening's plan step `step` with `interviewer`, scheduled by the recruiter; its id. */
  schedule(applicationId: string, step: number, interviewer: CastMember, startsAt?: Date): Promise<string>;
  /** Saves and submits `interviewer`'s scorecard of the interview: every asked question at `rating`. */
  submit(interviewer: CastMember, interviewId: string, scorecard: GivenScorecard): Promise<SubmittedScorecard>;
  /** Amends a submitted scorecard as its author (no red flags, no notes). */
  amend(
    interviewer: CastMember,
    submitted: SubmittedScorecard,
    amendment: Pick<Input<'amendScorecard', 'body'>, 'ratings' | 'recommendation' | 'summary' | 'reason'>,
  ): Promise<ResponseOf<'amendScorecard'>>;
}

export interface GivenScorecard {
  rating: 1 | 2 | 3 | 4;
  recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes';
  /** The evidence for a question (by its title); "Evidence for a <rating>." unless given. */
  evidence?: (title: string) => string;
  summary?: string;
  /** Flags the checklist's first dealbreaker. */
  dealbreaker?: boolean;
}

export interface SubmittedScorecard {
  card: ResponseOf<'submitScorecard'>;
  kit: Kit;
  ratings: { criterionKey: string; rating: 1 | 2 | 3 | 4; evidence: string }[];
}

async function member(admin: ApiSession, who: CastMember, org: string): Promise<Person> {
  const email = uniqueEmail(`${who}-${org.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
  const { name, role } = CAST[who];
  const user = await admin.call('createUser', { body: { name, email, role, password: PASSWORD } });
  return { id: user.id, name, email, api: await apiSignIn(email, PASSWORD) };
}

/** The opening on the organization's Tech Lead kit, with the kit's plan (two interviewers per step), opened. */
async function techLeadOpening(people: Record<CastMember, Person>): Promise<Opening> {
  const hm = people.hm.api;
  const [rubrics, checklists] = await Promise.all([hm.call('listRubrics'), hm.call('listChecklists')]);
  const created = await hm.call('createOpening', {
    body: {
      title: OPENING,
      team: 'Platform',
      level: 'senior',
      archetype: 'architecture',
      codingSharePct: 60,
      emPartnership: 'The tech lead owns technical direction; the engineering manager owns people and delivery.',
      careerPath: 'technical',
      hiringManagerId: people.hm.id,
      recruiterId: people.recruiter.id,
      rubricVersionId: rubrics.items[0]!.publishedVersionId,
      checklistVersionId: checklists.items[0]!.publishedVersionId,
    },
  });
  const rubric = await hm.call('getRubricVersion', { params: { id: created.rubricVersion!.id } });
  const competency = (name: string) => rubric.content.competencies.find((c) => c.name === name)!.key;
  const criterion = (title: string) =>
    rubric.content.competencies.flatMap((c) => c.criteria).find((c) => c.title === title)!.key;
  const pool = [people.ines.id, people.mateo.id, people.priya.id, people.jonas.id];
  const planned = await hm.call('saveOpeningPlan', {
    params: { id: created.id },
    body: {
      revision: created.revision,
      steps: TECH_LEAD_PLAN.map((s, i) => ({
        key: crypto.randomUUID(),
        name: s.name,
        kind: s.candidateQuestions ? ('candidate_questions' as const) : ('assessment' as const),
        durationMinutes: s.durationMinutes,
        focusCompetencyKeys: s.focus.map(competency),
        // Two default interviewers per step, each step's pool different from the next one's.
        interviewerIds: s.candidateQuestions ? [people.hm.id] : [pool[i % 4]!, pool[(i + 1) % 4]!],
        criterionKeys: s.questions.map(criterion),
      })),
    },
  });
  return hm.call('changeOpeningStatus', {
    params: { id: created.id },
    body: { status: 'open', revision: planned.revision },
  });
}

/**
 * A new organization of the test's own, signed up through the public API: the demo's cast (an
 * admin, a recruiter, a hiring manager and four interviewers, each signed in over HTTP) and the
 * open Tech Lead opening, with no candidates yet.
 */
export async function givenOrganization(label = 'Given'): Promise<GivenOrganization> {
  const name = `${label} ${Date.now() % 1_000_000}`;
  const adminEmail = uniqueEmail('admin');
  const signedUp = await anonymous.call('signup', {
    body: { organizationName: name, name: CAST.admin.name, email: adminEmail, password: PASSWORD },
  });
  const adminApi = await apiSignIn(adminEmail, PASSWORD);
  const people = { admin: { id: signedUp.user.id, name: CAST.admin.name, email: adminEmail, api: adminApi } } as Record<
    CastMember,
    Person
  >;
  for (const who of Object.keys(CAST) as CastMember[]) {
    if (who !== 'admin') people[who] = await member(adminApi, who, name);
  }
  const opening = await techLeadOpening(people);
  const recruiter = people.recruiter.api;

  const candidate: GivenOrganization['candidate'] = (candidateName, fields = {}) =>
    recruiter.call('createCandidate', {
      body: { name: candidateName, email: uniqueEmail('candidate'), source: 'referral', ...fields },
    });
  const move: GivenOrganization['move'] = async (applicationId, to) => {
    const current = await recruiter.call('getApplication', { params: { id: applicationId } });
    return recruiter.call('moveApplication', {
      params: { id: applicationId },
      body: { to, revision: current.revision },
    });
  };
  return {
    name,
    password: PASSWORD,
    people,
    opening,
    candidate,
    move,
    async application(candidateName, stages = [], fields = {}) {
      const c = await candidate(candidateName, fields);
      const applied = await recruiter.call('createApplication', { body: { candidateId: c.id, openingId: opening.id } });
      for (const to of stages) await move(applied.id, to);
      return { candidateId: c.id, applicationId: applied.id };
    },
    async schedule(applicationId, step, interviewer, startsAt = new Date(Date.now() - 48 * HOUR)) {
      const interview = await recruiter.call('scheduleInterview', {
        params: { id: applicationId },
        body: {
          stepKey: opening.plan.steps[step]!.key,
          interviewerId: people[interviewer].id,
          startsAt: startsAt.toISOString(),
        },
      });
      return interview.id;
    },
    async submit(interviewer, interviewId, s) {
      const me = people[interviewer].api;
      const kit = await me.call('getInterviewKit', { params: { id: interviewId } });
      const evidence = s.evidence ?? (() => `Evidence for a ${s.rating}.`);
      const ratings = kit.competencies
        .flatMap((c) => c.criteria)
        .map((c) => ({ criterionKey: c.key, rating: s.rating, evidence: evidence(c.title) }));
      const flag = kit.redFlags.find((f) => f.severity === 'dealbreaker');
      const saved = await me.call('saveScorecard', {
        params: { id: kit.scorecard!.id },
        body: {
          ratings,
          redFlags:
            s.dealbreaker && flag ? [{ flagKey: flag.key, evidence: 'Said the last team was the problem.' }] : [],
          recommendation: s.recommendation,
          summary: s.summary ?? `Summary by ${people[interviewer].name}.`,
          notes: '',
          revision: kit.scorecard!.revision,
        },
      });
      const card = await me.call('submitScorecard', {
        params: { id: kit.scorecard!.id },
        body: { revision: saved.revision },
      });
      return { card, kit, ratings };
    },
    amend(interviewer, submitted, amendment) {
      return people[interviewer].api.call('amendScorecard', {
        params: { id: submitted.card.id },
        body: { redFlags: [], notes: '', ...amendment, revision: submitted.card.revision },
      });
    },
  };
}
