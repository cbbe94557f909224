import type { CreateCandidateRequest, DecisionKind, Recommendation, Stage } from '@scorecard/contracts';
import { TECH_LEAD_KEYS } from '../modules/library/tech-lead-kit.js';
import { STEP } from './demo-plan.js';

/**
 * The demo opening's people and their story, as data: who applied, how far they got, who
 * interviewed them and what each interviewer wrote. `seed-demo.ts` plays it through the services.
 */
/** The Tech Lead kit's criterion keys by name (the same in every organization). */
export const Q = TECH_LEAD_KEYS.criteria;
/** Two red flags of the built-in checklist (its keys are the same in every organization). */
const FLAG = {
  managersAsOpponents: 'a22aa4cb-10a4-4639-b2dd-8627902a0714',
  decidesEverything: 'd5787255-27fd-4fc2-ab24-3e648ebc21c3',
} as const;

export type CriterionName = keyof typeof Q;

/**
 * A submitted demo scorecard: ratings with evidence by criterion (focus criteria left out are
 * "not assessed"), red flags with evidence, the recommendation and the summary.
 */
export interface DemoScorecard {
  ratings: Partial<Record<CriterionName, [1 | 2 | 3 | 4, string]>>;
  redFlags?: [string, string][];
  /** Null on the candidate's questions step, which takes none. */
  recommendation: Recommendation | null;
  summary: string;
  notes?: string;
  /** The recommendation contradicts the ratings on purpose, and the interviewer confirmed it. */
  confirmsContradiction?: true;
}

/**
 * A change the interviewer made to their submitted scorecard, with the reason; `afterReading`: they
 * read the panel's feedback first, so the amendment is labelled as made after the debrief.
 */
export interface DemoAmendment {
  afterReading: boolean;
  ratings: Partial<Record<CriterionName, [1 | 2 | 3 | 4, string]>>;
  reason: string;
}

interface DemoInterview {
  /** Index of the step of `DEMO_PLAN` (see `STEP`); the scorecard rates exactly the questions it asks. */
  step: number;
  interviewer: string;
  /** Days from now (negative: in the past) and the hour (UTC) it starts. */
  day: number;
  hour: number;
  /** Submitted when given; otherwise the draft is still pending. */
  scorecard?: DemoScorecard;
  amendment?: DemoAmendment;
}

export interface DemoCandidate extends Pick<
  CreateCandidateRequest,
  'name' | 'email' | 'currentTitle' | 'currentCompany' | 'source'
> {
  /** The stages the recruiter moved the application through, from `applied`. */
  path: Stage[];
  /** Days since the last move; earlier moves came 3 days apart. */
  daysInStage: number;
  interviews?: DemoInterview[];
  /** Recorded by the hiring manager after the interviews, which moves the application on. */
  decision?: { decision: DecisionKind; rationale: string };
}

const INES = 'interviewer1@acme.test';
const MATEO = 'interviewer2@acme.test';
const PRIYA = 'interviewer3@acme.test';
const JONAS = 'interviewer4@acme.test';
const HARPER = 'hm@acme.test';

/**
 * The demo opening's candidates: two applied (one stuck for 12 days), one in screening, two in
 * interviews (one with two scorecards in and one overdue), one in debrief with a panel that
 * disagrees on a question two of them asked (code review: 4 and 1), with a dealbreaker and one
 * amendment made after its author read the debrief, and one hired into the offer stage.
 */
export const DEMO_CANDIDATES: DemoCandidate[] = [
  {
    name: 'Amara Nwosu',
    email: 'amara.nwosu@example.com',
    currentTitle: 'Senior Backend Engineer',
    currentCompany: 'Ledgerly',
    source: 'referral',
    path: ['applied'],
    daysInStage: 1,
  },
  {
    name: 'Lukas Brandt',
    email: 'lukas.brandt@example.com',
    currentTitle: 'Staff Engineer',
    currentCompany: 'Northwind Logistics',
    source: 'linkedin',
    path: ['applied'],
    daysInStage: 12,
  },
  {
    name: 'Sofia Marquez',
    email: 'sofia.marquez@example.com',
    currentTitle: 'Engineering Lead',
    currentCompany: 'Brightpath Health',
    source: 'engineering_blog',
    path: ['applied', 'screen'],
    daysInStage: 3,
  },
  {
    name: 'Kenji Watanabe',
    email: 'kenji.watanabe@example.com',
    currentTitle: 'Senior Platform Engineer',
    currentCompany: 'Orbital Compute',
    source: 'github',
    path: ['applied', 'screen', 'interviews'],
    daysInStage: 4,
    interviews: [
      {
        step: 0,
        interviewer: INES,
        day: -3,
        hour: 14,
        scorecard: {
          ratings: {
            handsOnCode: [
              4,
              'Walked me through the lease-based job scheduler he wrote for their batch platform: the race that took a week to find, and the property tests he added so the next one would be caught in CI.',
            ],
            systemDesign: [
              3,
              'Put a queue in front of the store and made the writers idempotent. Handled the slow-dependency probe well; needed a nudge before he thought about ten times the traffic.',
            ],
            productionDebugging: [
              3,
              'Found a memory leak in a sidecar from heap profiles taken a few hours apart; clear about the cause and added an alert on resident memory afterwards.',
            ],
            tradeOffs: [
              2,
              'Reaches for Kubernetes operators for everything. Named “complexity” as the only cost and had not seriously weighed a simpler option.',
            ],
            audiences: [
              3,
              'Explained the scheduler’s failure modes to me as if I were the product manager, then again for the on-call engineer; the second version was much the better one.',
            ],
          },
          recommendation: 'yes',
          summary:
            'A very solid engineer who still writes production code every week. His trade-off reasoning was thinner than I would like in a lead; the leadership round should probe how he decides between options.',
        },
      },
      {
        step: 1,
        interviewer: MATEO,
        day: -2,
        hour: 15,
        scorecard: {
          ratings: {
            whyLead: [
              4,
              'Has run the platform guild for a year and wants the accountability that goes with setting direction. Talked to his manager and a staff engineer about both paths before applying; could say what he would miss about staying an IC.',
            ],
            influence: [
              4,
              'Moved four teams off a home-grown deploy tool: migrated the hardest service himself first, then paired with each team on theirs. Nobody was ordered to switch.',
            ],
            standardsAndTechnology: [
              3,
              'Set up the service template and the “golden path” docs. Less evidence of retiring old standards once they stopped helping.',
            ],
            technicalCulture: [
              3,
              'Runs a weekly hour where anyone can bring a flaky test or a slow build; small, but it has lasted eighteen months.',
            ],
            codeReview: [
              3,
              'Reviews for design first and leaves style to the formatter; showed a review where he asked for a smaller change and paired with the author on the split. Less sure how he adapts for a junior author.',
            ],
          },
          recommendation: 'strong_yes',
          summary:
            'Every leadership example was specific and about other people, not his own output: the guild, the deploy-tool migration, the weekly build hour. A strong yes from me.',
        },
      },
      // Feedback was due yesterday: the recruiter home lists it as overdue.
      { step: 3, interviewer: JONAS, day: -2, hour: 10 },
    ],
  },
  {
    name: 'Grace Adeyemi',
    email: 'grace.adeyemi@example.com',
    currentTitle: 'Tech Lead',
    currentCompany: 'Fernhill Games',
    source: 'conference',
    path: ['applied', 'screen', 'interviews'],
    daysInStage: 2,
    interviews: [{ step: 0, interviewer: MATEO, day: 1, hour: 14 }],
  },
  {
    name: 'Tomasz Nowak',
    email: 'tomasz.nowak@example.com',
    currentTitle: 'Staff Engineer',
    currentCompany: 'Quarry Data',
    source: 'referral',
    path: ['applied', 'screen', 'interviews', 'debrief'],
    daysInStage: 1,
    interviews: [
      {
        step: 0,
        interviewer: INES,
        day: -3,
        hour: 10,
        scorecard: {
          ratings: {
            systemDesign: [
              4,
              'Asked about query latency and retention before drawing anything. Separated ingestion (a partitioned log) from the query store, sized both for ten times the load, and proposed shipping the write path first to measure real volumes.',
            ],
            tradeOffs: [
              4,
              'Chose a managed column store over running their own cluster; named what it cost (less control over compaction, a bigger bill past a certain volume), how they would move off it, and reviewed the choice a year later with real numbers.',
            ],
            handsOnCode: [
              3,
              'Wrote the back-pressure handling of their ingestion service himself last spring and explained the tests and the canary rollout.',
            ],
            productionDebugging: [
              3,
              'Traced a p99 spike to connection-pool starvation after a retry storm: dashboards first, then a reproduction in staging. Fixed it with a circuit breaker and an alert on pool wait time.',
            ],
            audiences: [
              3,
              'Explained the ingestion design to me playing the analyst (what arrives when, what can be late) and then to me playing the on-call engineer; both versions were clear.',
            ],
          },
          recommendation: 'strong_yes',
          summary:
            'The strongest design interview I have run this quarter. Clarifies before designing, plans for failure without prompting, and still writes the hard parts himself.',
        },
      },
      {
        step: 1,
        interviewer: MATEO,
        day: -3,
        hour: 14,
        scorecard: {
          ratings: {
            whyLead: [
              3,
              'Wants one team’s direction and daily contact with its engineers rather than a staff role spread across teams. Convincing, if a little rehearsed.',
            ],
            influence: [
              3,
              'Got three teams to adopt a shared event schema by writing the proposal, running a spike with the most sceptical team, and changing the design after their feedback.',
            ],
            standardsAndTechnology: [
              4,
              'Introduced decision records on his team: a template, a 48-hour comment window and a quarterly look at old ones. Showed two decisions that were reversed through it without drama.',
            ],
            codeReview: [
              4,
              'Wrote the team’s review guidelines: say whether a comment blocks, leave style to the linter, start large changes from a short design note. Measured review turnaround before and after.',
            ],
            technicalCulture: [
              3,
              'Started a monthly incident review open to the whole company; attendance grew from six people to about thirty.',
            ],
          },
          recommendation: 'yes',
          summary:
            'Leads through writing and process more than through people, but the examples are real and recent. The mentoring round should check how he handles disagreement in reviews.',
        },
        // Changed after Mateo read the panel's feedback: the debrief labels it so, and its figures keep his first 4.
        amendment: {
          afterReading: true,
          ratings: {
            codeReview: [
              2,
              'He wrote good review guidelines, but by his own account to Priya he approves every change to the core services himself and would not share that, with reviews waiting three days. How he reviews weighs more than what he wrote about reviewing.',
            ],
          },
          reason:
            'I rated the guidelines he described. Priya asked how he reviews in practice, which I did not, and the answer changes my rating.',
        },
      },
      {
        step: 2,
        interviewer: PRIYA,
        day: -2,
        hour: 10,
        scorecard: {
          ratings: {
            growingEngineers: [
              2,
              'Apart from the billing-export story, his examples were about people he hired, not people he helped grow; he could not say what changed in them.',
            ],
            technicalFeedback: [
              1,
              'When a junior’s pull request is “going the wrong way” he closes it and rewrites it himself over the weekend, “because it is faster than explaining”. Saw no problem with that when I probed.',
            ],
            codeReview: [
              1,
              'He personally approves every change to the two core services and turned down a proposal to share that with two seniors, even with a three-day review queue. At odds with the guidelines he says he wrote.',
            ],
            knowledgeSharing: [
              2,
              'Pairs during incidents only; no habit of pairing or writing things down that he could point to.',
            ],
            technicalCulture: [
              2,
              'The monthly incident review is his and it is popular, but he runs every session himself; nobody else on the team has led one.',
            ],
          },
          redFlags: [
            [
              FLAG.decidesEverything,
              'Approves every change to the core services himself and declined to delegate it, although reviews wait three days for him.',
            ],
          ],
          recommendation: 'no',
          summary:
            'Technically impressive, but every mentoring story turned into a story about him fixing things. I worry the team would wait on him rather than grow.',
        },
      },
      {
        step: 3,
        interviewer: JONAS,
        day: -2,
        hour: 14,
        scorecard: {
          ratings: {
            audiences: [
              3,
              'Explained the event pipeline the way a product manager would need it, without jargon, then went deep when I asked.',
            ],
            stakeholderTradeOffs: [
              3,
              'Negotiated a two-sprint delay for a schema migration with the product lead by showing what not doing it would cost support.',
            ],
            crossTeam: [
              2,
              'His cross-team story ended with escalating to a director after one meeting; little sign he tried to understand the other team’s constraints first.',
            ],
            emPartnership: [
              1,
              'Called his engineering manager “the obstacle” and described keeping the roadmap from her until it was too late to change. Repeated it when I gave him the chance to put it differently.',
            ],
            tradeOffs: [
              3,
              'Weighed delaying the schema migration against what support would keep paying without it, and said when he would revisit. Did not mention what the product side gave up.',
            ],
          },
          redFlags: [
            [
              FLAG.managersAsOpponents,
              'Described his engineering manager as “the obstacle” twice and explained how he routes decisions around her.',
            ],
          ],
          recommendation: 'no',
          summary:
            'A clear communicator with stakeholders, but how he talks about his manager is exactly the partnership this role depends on. I would not hire without talking to his references about it.',
        },
      },
    ],
  },
  {
    name: 'Rosa Delgado',
    email: 'rosa.delgado@example.com',
    currentTitle: 'Senior Software Engineer',
    currentCompany: 'Tidewater Systems',
    source: 'linkedin',
    path: ['applied', 'screen', 'interviews', 'debrief'],
    daysInStage: 0,
    interviews: [
      {
        step: 0,
        interviewer: INES,
        day: -5,
        hour: 10,
        scorecard: {
          ratings: {
            systemDesign: [
              3,
              'Clean design with a clear data flow; handled the failure probes well and chose batching deliberately.',
            ],
            tradeOffs: [
              3,
              'Weighed a rewrite against an incremental migration with real constraints, and said what she would watch to change course.',
            ],
            handsOnCode: [3, 'Wrote the rate limiter of their public API; solid tests and a staged rollout.'],
            productionDebugging: [
              4,
              'Diagnosed clock skew between two regions breaking token expiry: reproduced it with a fake clock, fixed it, and added an alert on skew so it never surprised anyone again.',
            ],
            audiences: [
              3,
              'Kept the design walkthrough at the right level for me, and had a one-line version ready for a manager.',
            ],
          },
          recommendation: 'no',
          confirmsContradiction: true,
          summary:
            'Methodical and calm; a sound engineer who explains her reasoning without being asked. My no is not about the answers, which the ratings describe fairly: she said twice that she wants to stop coding within a year, and this role is 60% hands-on.',
        },
      },
      {
        step: 2,
        interviewer: PRIYA,
        day: -5,
        hour: 14,
        scorecard: {
          ratings: {
            growingEngineers: [
              4,
              'Two engineers she mentored now lead projects. She described the stretch work she found for each and the weekly design review she held with them until they no longer needed it.',
            ],
            knowledgeSharing: [
              4,
              'Wrote the onboarding path new hires still follow, and pairs every newcomer on their first on-call shift.',
            ],
            technicalFeedback: [
              3,
              'Gives direct, specific review comments and follows up in person when a thread gets long.',
            ],
            codeReview: [
              3,
              'Treats review as teaching: asks questions before asking for changes; keeps reviews small.',
            ],
            technicalCulture: [
              3,
              'Started a reading group on the team’s own postmortems; it now rotates between four engineers.',
            ],
          },
          recommendation: 'strong_yes',
          summary:
            'The best mentoring evidence I have heard for this role: concrete, about other people, and still going on.',
        },
      },
      {
        step: 3,
        interviewer: JONAS,
        day: -4,
        hour: 14,
        scorecard: {
          ratings: {
            audiences: [
              3,
              'Switched easily between an executive summary and the details when I changed roles mid-answer.',
            ],
            stakeholderTradeOffs: [
              4,
              'Turned a “can we just add a flag” request into a short cost table that the product lead used to drop two features.',
            ],
            crossTeam: [
              3,
              'Settled an API ownership dispute by writing down both teams’ needs and proposing a shared contract test.',
            ],
            emPartnership: [3, 'Describes a clear split with her manager and a weekly check-in on team health.'],
            tradeOffs: [
              3,
              'Explained why she shipped the partner API with fewer endpoints: what it cost the partners, and the date she set to add the rest.',
            ],
          },
          recommendation: 'yes',
          summary: 'Clear and persuasive with non-engineers; a good partner for an engineering manager.',
        },
      },
      {
        step: STEP.candidateQuestions,
        interviewer: HARPER,
        day: -4,
        hour: 15,
        scorecard: {
          ratings: {},
          recommendation: null,
          notes:
            'Asked who can overrule her on architecture (the architecture review, where she has a vote), how the no-meeting Wednesday holds up in release weeks, and whether staff engineer is a real next step here.',
          summary:
            'Her questions were about authority, protected coding time and the growth path: the same things the opening states. Answered all three; she wants the staff path in writing with the offer.',
        },
      },
    ],
    decision: {
      decision: 'hire',
      rationale:
        'A consistent panel: strong mentoring evidence, sound design judgement and no red flags. Offer at the top of the band; she would start with the platform migration.',
    },
  },
];
