import type {
  Application,
  AuthSession,
  Candidate,
  CandidateInput,
  Interview,
  Opening,
  Role,
  Scorecard,
  Stage,
} from '@scorecard/contracts';
import { apiOf, type Api, type BodyOf } from './api-client.js';
import { type FocusedOpening, type Member, openOpeningWithFocus, PASSWORD, signup, uniqueEmail } from './factories.js';
import type { TestApp } from './test-app.js';
import { hoursAgo } from './time.js';

/**
 * Builders that set a scenario up in one line each, through the API (as immich's medium tests and
 * cal.com's fixtures do): an organization, its members, an open opening, candidates, applications
 * moved along the pipeline, scheduled interviews and scorecards saved or submitted. Every builder
 * has defaults a test does not care about, and takes overrides for what it does.
 *
 *   const g = await given(t, 'Debriefs Co');          // an organization, its admin and a recruiter
 *   const ana = await g.member();                     // an interviewer
 *   const opening = await g.opening({ title: 'Tech Lead' });
 *   const a = await g.application({ opening, stages: ['screen', 'interviews'] });
 *   const card = await g.submittedScorecard({ application: a, interviewer: ana });
 *
 * The pipeline's writes (candidates, applications, moves, interviews) are the recruiter's.
 */

export type { Member } from './factories.js';

type Ref = string | { id: string };
const idOf = (ref: Ref) => (typeof ref === 'string' ? ref : ref.id);

/** What a scorecard says, as a save sends it (without the revision). */
export type ScorecardContent = Omit<BodyOf<'saveScorecard'>, 'revision'>;

/**
 * A complete scorecard for an opening's first step: every focus criterion rated 3 (no evidence,
 * no red flags, a yes), with `over` replacing any part of it.
 */
export function scorecardContent(opening: FocusedOpening, over: Partial<ScorecardContent> = {}): ScorecardContent {
  return {
    ratings: opening.focus.flatMap((c) => c.criteria).map((c) => ({ criterionKey: c.key, rating: 3, evidence: '' })),
    redFlags: [],
    recommendation: 'yes',
    summary: 'Solid on both competencies.',
    notes: '',
    ...over,
  };
}

/** The red flag of that severity on the opening's checklist. */
export const flagOf = (opening: FocusedOpening, severity: 'concern' | 'dealbreaker') =>
  opening.redFlags.find((f) => f.severity === severity)!;

export interface InterviewOptions {
  application: Ref;
  interviewer: Member;
  /** Which step of the opening's plan (the first by default). */
  step?: number;
  /** The application's opening, when `given` did not make the application. */
  opening?: FocusedOpening;
  /** Three hours ago by default: started, so its scorecard can be submitted, and feedback not yet due. */
  startsAt?: string;
  feedbackDueAt?: string;
  /** Anything else the schedule request takes (duration, time zone, location…). */
  extra?: Partial<BodyOf<'scheduleInterview'>>;
}

export interface ScorecardOptions extends Partial<Omit<InterviewOptions, 'application' | 'interviewer'>> {
  interviewer: Member;
  /** The interview's scorecard; without it, an interview of `interviewer` is scheduled on `application` first. */
  scorecard?: Ref;
  application?: Ref;
  /** What it says: `scorecardContent(opening)` by default, or with these parts replaced. */
  content?: Partial<ScorecardContent>;
  /** The revision it was last saved at (0 for a scorecard never saved). */
  revision?: number;
  /** On submit: confirms a recommendation its ratings contradict. */
  confirmContradiction?: boolean;
}

export class Given {
  readonly api: Api;
  /** Which opening each application built here is on, so an interview can find its plan. */
  private openingOf = new Map<string, FocusedOpening>();
  /** The first opening made here: the one `application` and `savedScorecard` use unless told otherwise. */
  private mainOpening: FocusedOpening | undefined;

  constructor(
    readonly t: TestApp,
    readonly session: AuthSession,
    /** The organization's admin, who signed it up. */
    readonly admin: Member,
    /** Who adds candidates, applies them, moves them and schedules their interviews. */
    readonly recruiter: Member,
  ) {
    this.api = apiOf(t);
  }

  /** The same organization and builders through another instance of the app on the same database. */
  on(other: TestApp): Given {
    const there = new Given(other, this.session, this.admin, this.recruiter);
    there.openingOf = this.openingOf;
    there.mainOpening = this.mainOpening;
    return there;
  }

  /** A new member of the organization, signed in (an interviewer named after their role unless told otherwise). */
  async member({ role = 'interviewer', name = `A ${role}` }: { role?: Role; name?: string } = {}): Promise<Member> {
    const email = uniqueEmail(role);
    const user = await this.api.as(this.admin).call('createUser', { body: { name, email, role, password: PASSWORD } });
    const { token } = await this.api.signIn({ email, password: PASSWORD });
    return { user, token };
  }

  /** `count` new members of one role, made at once. */
  members(count: number, options: { role?: Role } = {}): Promise<Member[]> {
    return Promise.all(Array.from({ length: count }, () => this.member(options)));
  }

  /**
   * An open opening on the built-in rubric and checklist whose first step focuses on the rubric's
   * first two competencies (`openOpeningWithFocus`); `update` then changes its fields (its hiring
   * manager, its expectations…) as the admin.
   */
  async opening(
    options: {
      title?: string;
      hideCandidateDetails?: boolean;
      update?: Omit<BodyOf<'updateOpening'>, 'revision'>;
    } = {},
  ): Promise<FocusedOpening> {
    const opening = await openOpeningWithFocus(this.t, this.session, options);
    if (options.update) await this.updateOpening(opening, options.update);
    this.mainOpening ??= opening;
    return opening;
  }

  /** Changes an opening's fields as the admin, at its current revision. */
  async updateOpening(opening: Ref, fields: Omit<BodyOf<'updateOpening'>, 'revision'>): Promise<Opening> {
    const as = this.api.as(this.admin);
    const params = { id: idOf(opening) };
    const current = await as.call('getOpening', { params });
    return as.call('updateOpening', { params, body: { ...fields, revision: current.revision } });
  }

  /** A candidate named Noor Haddad from a referral (a fresh email each time), with `fields` replacing any of that. */
  async candidate(fields: Partial<CandidateInput> = {}): Promise<Candidate> {
    return this.api.as(this.recruiter).call('createCandidate', {
      body: { name: 'Noor Haddad', email: uniqueEmail('candidate'), source: 'referral', ...fields },
    });
  }

  /**
   * An application to `opening` (the first one made here by default) of a new candidate (with
   * `candidate`'s fields) or of an existing one (`candidate: { id }`), moved through `stages`.
   */
  async application(
    options: { opening?: FocusedOpening; candidate?: Partial<CandidateInput> | { id: string }; stages?: Stage[] } = {},
  ): Promise<Application> {
    const opening = options.opening ?? this.mainOpening;
    if (!opening) throw new Error('given.application: make an opening first, or pass one');
    const candidateId =
      options.candidate && 'id' in options.candidate
        ? options.candidate.id
        : (await this.candidate(options.candidate as Partial<CandidateInput>)).id;
    const application = await this.api
      .as(this.recruiter)
      .call('createApplication', { body: { candidateId, openingId: opening.id } });
    this.openingOf.set(application.id, opening);
    return this.move(application, ...(options.stages ?? []));
  }

  /** Moves the application through each stage in turn (a stage, or a move with its note and reason); answers it as the last move left it. */
  async move(
    application: Application,
    ...moves: (Stage | Omit<BodyOf<'moveApplication'>, 'revision'>)[]
  ): Promise<Application> {
    let a = application;
    for (const move of moves) {
      const body = typeof move === 'string' ? { to: move, note: '' } : move;
      a = await this.api
        .as(this.recruiter)
        .call('moveApplication', { params: { id: a.id }, body: { ...body, revision: a.revision } });
    }
    return a;
  }

  /** An interview of one step of the application's opening (its draft scorecard comes with it). */
  async scheduledInterview(options: InterviewOptions): Promise<Interview> {
    const applicationId = idOf(options.application);
    const opening = options.opening ?? this.openingOf.get(applicationId);
    if (!opening) throw new Error('given.scheduledInterview: pass the opening of an application made elsewhere');
    return this.api.as(this.recruiter).call('scheduleInterview', {
      params: { id: applicationId },
      body: {
        stepKey: opening.steps[options.step ?? 0]!.key,
        interviewerId: options.interviewer.user.id,
        startsAt: options.startsAt ?? hoursAgo(3),
        ...(options.feedbackDueAt ? { feedbackDueAt: options.feedbackDueAt } : {}),
        ...options.extra,
      },
    });
  }

  /** The interviewer's scorecard saved with its content (complete by default), not submitted. */
  async savedScorecard(options: ScorecardOptions): Promise<Scorecard> {
    let id = options.scorecard && idOf(options.scorecard);
    let opening = options.opening;
    if (!id) {
      if (!options.application) throw new Error('given.savedScorecard: pass a scorecard or an application');
      const interview = await this.scheduledInterview({ ...options, application: options.application });
      id = interview.scorecard!.id;
    }
    opening ??= options.application ? this.openingOf.get(idOf(options.application)) : undefined;
    opening ??= this.mainOpening;
    if (!opening) throw new Error('given.savedScorecard: pass the opening its content is for');
    return this.api.as(options.interviewer).call('saveScorecard', {
      params: { id },
      body: { ...scorecardContent(opening, options.content), revision: options.revision ?? 0 },
    });
  }

  /** The interviewer's scorecard saved (complete by default) and submitted. */
  async submittedScorecard(options: ScorecardOptions): Promise<Scorecard> {
    const saved = await this.savedScorecard(options);
    return this.api.as(options.interviewer).call('submitScorecard', {
      params: { id: saved.id },
      body: { revision: saved.revision, ...(options.confirmContradiction ? { confirmContradiction: true } : {}) },
    });
  }

  /**
   * An application in debrief: applied, moved to interviews, one scorecard submitted by each of
   * `panel` (with its content's overrides), then moved to debrief.
   */
  async applicationInDebrief(options: {
    opening?: FocusedOpening;
    candidate?: Partial<CandidateInput>;
    panel: { interviewer: Member; content?: Partial<ScorecardContent> }[];
  }): Promise<Application> {
    const a = await this.application({ ...options, stages: ['screen', 'interviews'] });
    for (const p of options.panel) await this.submittedScorecard({ application: a, ...p });
    return this.move(a, 'debrief');
  }
}

/**
 * A new organization on the app, signed up as `name`, with a recruiter who runs its pipeline
 * (named as `recruiter` says; `recruiter: false`: the admin runs it, and the organization has no other member).
 */
export async function given(
  t: TestApp,
  name?: string,
  options: { recruiter?: boolean | { name: string } } = {},
): Promise<Given> {
  const session = await signup(t, name);
  const user = await apiOf(t)
    .as(session)
    .call('getUser', { params: { id: session.user.id } });
  const admin = { user, token: session.token };
  const g = new Given(t, session, admin, admin);
  if (options.recruiter === false) return g;
  const named = typeof options.recruiter === 'object' ? options.recruiter : {};
  return new Given(t, session, admin, await g.member({ role: 'recruiter', ...named }));
}
