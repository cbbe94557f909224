import type { ChecklistContent, RubricContent } from '@scorecard/contracts';

/**
 * The built-in Tech Lead hiring kit: a rubric, a red-flag checklist and a template interview plan,
 * drawn from the facts of shared/reference/tech-lead-hiring-guide.txt. Keys are fixed so every
 * organization's copy of the kit traces back to the same competencies, criteria and red flags.
 */

export const TECH_LEAD_KEYS = {
  competencies: {
    technicalDepth: '57d675d5-b1b7-4de7-a458-f848b268d170',
    technicalLeadership: 'c97a8df9-2de1-48fc-917b-4585e59c4c04',
    mentoring: 'ad6a2260-740a-490e-9fca-677c29307813',
    communication: '1573a267-19a3-4717-8d87-83f72ae27cc8',
  },
  criteria: {
    handsOnCode: '83abc3b6-c00a-44fd-afdf-d0cb2a5c3934',
    systemDesign: '9df68b61-e775-487c-a3ba-ed8a4913cb1e',
    productionDebugging: '0401e10e-3002-4cc0-aef4-e9786f5716af',
    tradeOffs: 'a0616a51-428a-412f-9e9f-065a747b524b',
    influence: '989a2615-5571-4f3d-818f-1a7a64311b68',
    codeReview: '940b721a-f5cb-4230-b2c2-7089f13afc28',
    standardsAndTechnology: '3a074cda-121a-4912-bb5b-ad6bf58846ac',
    whyLead: '2ee4a08c-8911-4336-b8d6-5a656931f3ef',
    growingEngineers: 'd339cf65-d9d6-4c2d-8c02-1792c0084ab2',
    knowledgeSharing: '9a8d723b-6042-4c85-8bd6-ea3d854e4f6e',
    technicalFeedback: '318ee659-f58e-4b9d-9793-bce56f511ab4',
    technicalCulture: '8ac3b3a2-cd76-4957-929a-e9a87a5570f8',
    audiences: '0cad5d30-070f-4f13-969a-a559dc5b49eb',
    stakeholderTradeOffs: '71b70d6b-5237-4e02-975d-a36f3b2ff647',
    crossTeam: '63b1ca2c-b9da-4e36-aed7-89b958cfb79e',
    emPartnership: '590b3eb9-7f25-4481-8ed8-c27f4b30d2dc',
  },
} as const;

const C = TECH_LEAD_KEYS.competencies;
const Q = TECH_LEAD_KEYS.criteria;

export const TECH_LEAD_RUBRIC: { name: string; description: string; content: RubricContent } = {
  name: 'Tech Lead',
  description:
    'For hiring an engineer who sets the technical direction of one team while still coding: depth in the craft, leadership without formal authority, growing other engineers, and communicating across the team and the business.',
  content: {
    competencies: [
      // Weights: the hands-on and the leadership halves of the role count most.
      {
        key: C.technicalDepth,
        name: 'Technical depth',
        description:
          'Still ships demanding code to production, designs systems that hold up, and knows the stack well enough to reason about real costs. Can lay out the options behind a decision and say why one won.',
        category: 'technical',
        weight: 30,
        criteria: [
          {
            key: Q.handsOnCode,
            title: 'Hands-on production engineering',
            prompt:
              'Tell me about the hardest piece of production code you personally wrote in the last year. What made it difficult, and how did you get it working and shipped?',
            probes: [
              'Which parts did you write yourself, and which did others on the team write?',
              'How did you test it, and how did you know it behaved correctly once it was live?',
              'If you built it again tomorrow, what would you change?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Cannot name recent code they wrote themselves; the story is about work others did, or stays at the level of tools and buzzwords.',
              'Describes real work but only in general terms; cannot say what the hard part was or how it was tested and released.',
              'Walks through code they wrote, identifies the difficult part and how they solved it, and explains how they checked it in production.',
              'Gives a detailed first-hand account including dead ends, the testing and rollout approach and what they would now do differently; clearly still codes at a senior level.',
            ],
          },
          {
            key: Q.systemDesign,
            title: 'System design',
            prompt:
              'Imagine your team has to build a service that accepts events from thousands of client apps and lets product analysts query them within a minute of arrival. Sketch the design you would propose and explain the main choices.',
            probes: [
              'Where will this design break first as traffic grows ten times, and what would you do then?',
              'What happens when a downstream dependency is slow or unavailable?',
              'Which part would you prototype first, and why?',
            ],
            questionType: 'situational',
            whyLead: false,
            anchors: [
              'Cannot produce a coherent design, or lists components without explaining how data flows between them or why they are needed.',
              'Produces a workable happy-path design but misses failure handling, growth or data consistency even when prompted.',
              'Gives a sound design with clear data flow, handles failures and growth when probed, and justifies the main component choices.',
              'Drives the discussion: clarifies requirements first, weighs alternatives unprompted, plans for failure and growth, and proposes an incremental path to build and validate it.',
            ],
          },
          {
            key: Q.productionDebugging,
            title: 'Debugging and knowledge of the stack',
            prompt:
              'Tell me about a difficult production problem you tracked down. What did you need to understand about the system, its stack and its users to find the cause?',
            probes: [
              'What did you try first that turned out to be wrong?',
              'What did you change afterwards so that it would not happen again, or would be caught sooner?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Cannot describe a problem they diagnosed themselves, or the fix was luck or a restart with no understanding of the cause.',
              'Found the cause but mostly by trial and error; the explanation shows shallow knowledge of the stack underneath their code.',
              'Describes a methodical search (hypotheses, logs, metrics, reproduction) and explains the root cause in terms of how the stack really behaves.',
              'Shows deep command of the stack and the business domain, narrowed the cause systematically, and followed up with lasting fixes such as better monitoring or a design change.',
            ],
          },
          {
            key: Q.tradeOffs,
            title: 'Evaluating and explaining trade-offs',
            prompt:
              'Tell me about a technical decision you made where every option had real costs. What did you weigh, what did you choose, and how did it turn out?',
            probes: [
              'What information did you lack when you decided, and how did you deal with that?',
              'Who argued for a different option, and what was their strongest point?',
              'With hindsight, would you decide the same way?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Presents the choice as obvious, cannot name a cost of the chosen option or a merit of the alternatives.',
              'Names some pros and cons but weighs them loosely; the choice seems driven by habit or preference rather than the situation.',
              'Sets out the options and their costs clearly, ties the choice to the constraints of the moment, and reviews the outcome honestly.',
              'Frames the decision precisely, makes uncertainty explicit and plans how to reduce it or reverse course, credits opposing views, and draws a clear lesson from the result.',
            ],
          },
        ],
      },
      {
        key: C.technicalLeadership,
        name: 'Technical leadership',
        description:
          'Shapes how the team builds software through influence rather than rank: reviews, standards and technology choices. Wants to lead for the right reasons.',
        category: 'leadership',
        weight: 30,
        criteria: [
          {
            key: Q.influence,
            title: 'Influence without authority',
            prompt:
              'Tell me about a time you changed the technical direction of a project or team when you had no formal authority over the people who had to agree.',
            probes: [
              'Who was hardest to convince, and what finally changed their mind?',
              'What did you give up or adjust in your own proposal along the way?',
              'What would you have done if they had still said no?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Has no example, or got their way by going over people’s heads, forcing the change through, or simply doing it alone.',
              'Has an example but relied mainly on seniority or persistence; little sign they listened to or adapted to objections.',
              'Built support with evidence, prototypes or written proposals, listened to objections and adjusted, and the team adopted the direction.',
              'Won over sceptical peers across roles through clear reasoning and genuine compromise, left relationships stronger, and can explain what they would do if still overruled.',
            ],
          },
          {
            key: Q.codeReview,
            title: 'Code review philosophy',
            prompt:
              'How do you approach reviewing a pull request? Then tell me about a recent review where you asked for substantial changes: what did you write, and how did the author respond?',
            probes: [
              'What do you deliberately not comment on?',
              'How do you handle an author who disagrees with your review?',
              'How does your review change for a new junior engineer compared with a senior peer?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Sees review as gatekeeping or style policing, or barely reviews; comments described are curt, personal or unexplained.',
              'Reviews for correctness and style but rarely explains the why; does not adapt to the author or consider design and maintainability.',
              'Checks design, correctness and fit with the architecture, explains reasoning, separates must-fix from suggestions, and the example shows a constructive exchange.',
              'Uses review deliberately to raise quality and teach: adjusts depth to the author, prefers questions to orders, automates style checks away, and can show an engineer who improved as a result.',
            ],
          },
          {
            key: Q.standardsAndTechnology,
            title: 'Standards and technology choices',
            prompt:
              'Imagine an engineer on your team wants to adopt a new framework for the next project; half the team is keen and half is wary. How would you reach a decision, and how would you make sure the team then works to it?',
            probes: [
              'What criteria would you use, and how would you test them before committing?',
              'Tell me about a coding standard or practice you introduced that the team still follows.',
              'Where does existing technical debt come into your thinking?',
            ],
            questionType: 'situational',
            whyLead: false,
            anchors: [
              'Decides by personal taste or popularity, or leaves it unresolved; no notion of how a standard gets adopted or kept.',
              'Lists some criteria but skips trialling or cost of ownership; expects the team to follow a decision simply because it was announced.',
              'Sets explicit criteria, proposes a time-boxed trial, involves the team, writes the decision down, and weighs migration and maintenance costs.',
              'Runs a fair, evidence-based evaluation that keeps both camps engaged, records the reasoning for future engineers, links it to the debt already carried, and cites a standard of theirs that has lasted.',
            ],
          },
          {
            key: Q.whyLead,
            title: 'Why lead',
            prompt:
              'Why do you want to be a tech lead, rather than growing as an individual contributor toward staff engineer, or moving into engineering management? Tell me about moments in your work that pushed you toward this choice.',
            probes: [
              'Which parts of leading have you already done, and which did you enjoy least?',
              'How much of your time do you expect to spend coding, and what are you prepared to give up?',
              'Where do you want your career to be in three to five years?',
            ],
            questionType: 'behavioural',
            whyLead: true,
            anchors: [
              'Wants the title, pay or status, or sees the role as a reward for being the strongest coder; shows no interest in the people side of leading.',
              'Speaks of wanting more impact but cannot say why leading a team suits them better than the staff or management path, and has no clear view of the coding share.',
              'Names concrete leadership moments they found rewarding, such as unblocking others or shaping a design with the team, and has realistic expectations about coding time.',
              'Explains with examples why team-level technical leadership fits them better than the staff or management tracks, knows what they would trade away, and has a considered view of where the role leads next.',
            ],
          },
        ],
      },
      {
        key: C.mentoring,
        name: 'Mentoring and development',
        description:
          'Helps other engineers get better through mentoring, pairing, feedback and shared knowledge, and builds a team culture where learning is normal.',
        category: 'mentoring',
        weight: 20,
        criteria: [
          {
            key: Q.growingEngineers,
            title: 'Engineers they helped grow',
            prompt:
              'Tell me about one or two engineers you mentored. Where were they when you started, what did you actually do with them, and how did they grow?',
            probes: [
              'How did you work out what each of them needed?',
              'What did not work, and how did you change your approach?',
              'Where are they now?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Cannot name anyone they helped develop, or describes only answering occasional questions.',
              'Names someone they helped but the account is vague: no clear starting point, no deliberate approach, no visible change.',
              'Describes specific engineers, what they did with each (goals, pairing, stretch work, regular check-ins) and concrete growth that followed.',
              'Gives several rich examples with tailored approaches, honest reflection on what failed, and lasting outcomes such as promotions or mentees who now mentor others.',
            ],
          },
          {
            key: Q.knowledgeSharing,
            title: 'Pairing and knowledge sharing',
            prompt:
              'Tell me about a time you spread knowledge that only you, or a few people, held across the rest of the team. What did you do, and what changed?',
            probes: [
              'When do you choose to pair with someone rather than write documentation or give a talk?',
              'How did you know the knowledge had really spread?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Prefers to stay the person everyone depends on, or sees sharing as a distraction from their own work; no example.',
              'Shared knowledge once in a while, such as a single document or demo, with no sense of whether anyone could act on it afterwards.',
              'Used suitable means (pairing, written guides, internal talks) and can show others then handled the work without them.',
              'Deliberately removed themselves as a bottleneck, chose the method to fit the learner and the topic, and made sharing a regular team habit with visible results.',
            ],
          },
          {
            key: Q.technicalFeedback,
            title: 'Constructive technical feedback',
            prompt:
              'Tell me about a time you had to tell an engineer that the quality or approach of their technical work was not good enough. How did you go about it, and what happened?',
            probes: [
              'How did you prepare for that conversation?',
              'How did the engineer react, and what did you do next?',
              'Did you involve their engineering manager, and why or why not?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Avoided the conversation, quietly rewrote the work, or delivered criticism harshly or in public.',
              'Gave the feedback but in vague or one-off terms; little follow-up and no clear sign the work improved.',
              'Gave specific, private, timely feedback focused on the work, agreed next steps, and followed up until the work improved.',
              'Handled a hard conversation with care and directness, adapted to the person, coordinated with the manager where appropriate, and the engineer’s work and trust both improved.',
            ],
          },
          {
            key: Q.technicalCulture,
            title: 'Building technical culture',
            prompt:
              'Imagine you join a team where reviews are rubber stamps, nobody writes designs down, and junior engineers rarely ask questions. What would you do in your first three months?',
            probes: [
              'What would you change first, and what would you leave alone for now?',
              'How would you tell whether things were improving?',
            ],
            questionType: 'situational',
            whyLead: false,
            anchors: [
              'Would impose rules or blame the team, or sees culture as someone else’s job; no realistic plan.',
              'Has ideas but expects a one-time announcement or new process to fix habits; little thought about why the team behaves this way.',
              'Would first understand the causes, then lead by example with a few targeted changes, make it safe to ask questions, and track progress.',
              'Lays out a staged, realistic plan that enlists the team in owning the changes, models the behaviour personally, picks measures of progress, and draws on a time they have done this before.',
            ],
          },
        ],
      },
      {
        key: C.communication,
        name: 'Communication and collaboration',
        description:
          'Makes technical ideas understandable to every listener, from engineers to executives, works through disagreements with other teams, and weighs engineering concerns against what the business is trying to achieve.',
        category: 'communication',
        weight: 20,
        criteria: [
          {
            key: Q.audiences,
            title: 'Adapting to the audience',
            prompt:
              'Imagine a planned database migration carries a real risk of a few hours of downtime. How would you explain that risk to your engineers, to your product manager, and to a VP, and how would each explanation differ?',
            probes: [
              'What would each audience need to decide or do after hearing from you?',
              'Which details would you leave out for the VP, and why?',
            ],
            questionType: 'situational',
            whyLead: false,
            anchors: [
              'Gives the same jargon-heavy explanation to everyone, or cannot make the risk understandable to a non-engineer.',
              'Simplifies somewhat for non-engineers but loses the point that matters to each audience, such as impact or the decision needed.',
              'Tailors each explanation to what that audience cares about and must decide, in clear language with the right level of detail.',
              'Crisply frames the risk for each audience, anticipates their questions, states the choices and their consequences plainly, and checks that the message landed.',
            ],
          },
          {
            key: Q.stakeholderTradeOffs,
            title: 'Trade-offs with non-technical stakeholders',
            prompt:
              'Tell me about a time you had to persuade a product manager or business stakeholder to accept a technical trade-off, such as making room to pay down technical debt or cutting scope to protect quality.',
            probes: [
              'How did you express the cost of not doing it in terms they cared about?',
              'What did you concede to the business side?',
              'How did it turn out?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Treats stakeholders as obstacles, or has no example; either gave in without arguing the case or dug in without explaining it.',
              'Made the case mainly in technical terms; the outcome depended on goodwill rather than a shared understanding of the cost.',
              'Translated the trade-off into business impact such as risk, speed or cost, proposed options, and reached an agreement both sides could support.',
              'Weighed engineering concerns against business goals using evidence, offered creative middle paths, kept the stakeholder’s trust, and can show the result held up later.',
            ],
          },
          {
            key: Q.crossTeam,
            title: 'Cross-team collaboration and conflict',
            prompt:
              'Tell me about a disagreement with another team over an interface, a dependency or priorities. How was it resolved, and what was your part in it?',
            probes: [
              'How did you understand what the other team needed?',
              'Did it need escalating, and if so how did you do that?',
              'How is your relationship with that team now?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Describes the other team as the problem, escalated immediately or worked around them; no sign of understanding their view.',
              'Reached a resolution but mostly through others, such as managers deciding; their own contribution was limited.',
              'Sought the other team’s constraints, proposed a workable solution, escalated only when needed and with a clear summary, and delivered the shared work.',
              'Turned the conflict into lasting collaboration: found a solution serving both teams, set up clearer agreements for the future, and is trusted by the other team since.',
            ],
          },
          {
            key: Q.emPartnership,
            title: 'Partnership with an engineering manager',
            prompt:
              'Tell me about how you and an engineering manager shared the work of running a team. Describe a time the two of you disagreed and how you handled it.',
            probes: [
              'Which responsibilities were yours and which were theirs, and how did you settle that?',
              'How did you raise concerns about team health or delivery with them?',
            ],
            questionType: 'behavioural',
            whyLead: false,
            anchors: [
              'Speaks of managers with contempt or as opponents, or describes repeated fights over who decides.',
              'Worked alongside a manager but with unclear boundaries; disagreements were avoided or left to fester.',
              'Describes a clear split of responsibilities, regular communication, and a disagreement resolved respectfully with a good outcome for the team.',
              'Shows a deliberate, trusting partnership: agreed who owns what, kept each other informed about people and delivery, and worked through conflict in a way that strengthened the relationship.',
            ],
          },
        ],
      },
    ],
  },
};

export const TECH_LEAD_RED_FLAGS: { name: string; description: string; content: ChecklistContent } = {
  name: 'Tech Lead red flags',
  description:
    'Warning signs to watch for when interviewing tech lead candidates. Tick one only with evidence from the interview; a dealbreaker marks the application wherever it is shown.',
  content: {
    items: [
      {
        key: 'a41c3081-486e-47a6-b4b2-13f523757027',
        description:
          'Speaks only about the code they shipped themselves, never about helping others on the team deliver or improve.',
        severity: 'concern',
      },
      {
        key: '05bed259-0817-4004-8547-99232fc0343b',
        description:
          'Cannot give a clear account of why they made their own technical decisions, even when asked directly.',
        severity: 'dealbreaker',
      },
      {
        key: '2ab06c1c-a1c5-496c-852b-ee2eee88c035',
        description: 'Cannot name a single engineer they have helped to grow, formally or informally.',
        severity: 'dealbreaker',
      },
      {
        key: 'a22aa4cb-10a4-4639-b2dd-8627902a0714',
        description: 'Describes managers as opponents to be fought or worked around rather than partners.',
        severity: 'dealbreaker',
      },
      {
        key: '6cbb30e2-af72-46e3-bec2-b39fddaa5793',
        description:
          'Sees the job as keeping the code clean and little else; says almost nothing about architecture, delivery or the growth of the team.',
        severity: 'concern',
      },
      {
        key: 'eee75a38-ecb8-4555-a9af-a9145d0d05cc',
        description:
          'Shows no curiosity about the engineers they would lead: asks nothing about their experience, how they work or what they need.',
        severity: 'concern',
      },
      {
        key: '9a78f165-70bd-4207-a210-4da185dedf81',
        description:
          'Treats every choice as having one right answer; cannot name what an option costs or how they would decide without complete information.',
        severity: 'concern',
      },
      {
        key: '6704277f-d4cb-4fbc-a3e6-4af94f9359c7',
        description:
          'Shows no appetite for teaching: sees explaining, pairing or answering questions as a drain on their own work.',
        severity: 'dealbreaker',
      },
      {
        key: 'd5787255-27fd-4fc2-ab24-3e648ebc21c3',
        description:
          'Wants to make or approve every technical detail personally instead of setting direction and trusting the team with the rest.',
        severity: 'concern',
      },
    ],
  },
};

export interface TechLeadPlanStepTemplate {
  name: string;
  /** Assessment unless said otherwise; the last step hears the candidate's questions. */
  kind?: 'assessment' | 'candidate_questions';
  durationMinutes: number;
  /** Competency keys this step focuses on. */
  focus: string[];
  /** Criteria (questions) asked in this step, all from the focus competencies. */
  criterionKeys: string[];
}

/**
 * Four assessment steps, each asking two competencies, so every competency is asked by two steps
 * (two raters per candidate once the steps have different interviewers). Each pair of steps shares
 * two questions (the first and fourth: trade-offs and audiences; the second and third: code review
 * and technical culture), so two interviewers rate the same answer to the same question: the
 * matched units calibration compares interviewers on. Then the candidate's questions (Campion,
 * Palmer and Campion's seventh component of structure). The demo openings use this plan.
 */
export const TECH_LEAD_PLAN: TechLeadPlanStepTemplate[] = [
  {
    name: 'System design and trade-offs',
    durationMinutes: 60,
    focus: [C.technicalDepth, C.communication],
    criterionKeys: [Q.systemDesign, Q.tradeOffs, Q.handsOnCode, Q.productionDebugging, Q.audiences],
  },
  {
    name: 'Leadership and influence',
    durationMinutes: 60,
    focus: [C.technicalLeadership, C.mentoring],
    criterionKeys: [Q.whyLead, Q.influence, Q.standardsAndTechnology, Q.codeReview, Q.technicalCulture],
  },
  {
    name: 'Mentoring and code review',
    durationMinutes: 60,
    focus: [C.mentoring, C.technicalLeadership],
    criterionKeys: [Q.growingEngineers, Q.technicalFeedback, Q.knowledgeSharing, Q.codeReview, Q.technicalCulture],
  },
  {
    name: 'Communication with stakeholders',
    durationMinutes: 45,
    focus: [C.communication, C.technicalDepth],
    criterionKeys: [Q.stakeholderTradeOffs, Q.audiences, Q.crossTeam, Q.emPartnership, Q.tradeOffs],
  },
  {
    name: 'The candidate’s questions',
    kind: 'candidate_questions',
    durationMinutes: 15,
    focus: [],
    criterionKeys: [],
  },
];
