import type { Archetype, CareerPath, Expectation, OpeningStatus, PeopleManagement } from '@scorecard/contracts';

/** The words the openings screens use for the contract's enums (the contract owns the values). */

export const STATUS_LABELS: Record<OpeningStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  on_hold: 'On hold',
  closed: 'Closed',
};

/** One line on what each kind of tech lead spends their attention on, and what to watch for. */
export const ARCHETYPE_HINTS: Record<Archetype, string> = {
  architecture:
    'Shapes system design and the big technical choices; suits complex distributed systems. Watch that they stay close to the code.',
  code_quality:
    'Raises the bar on standards, reviews and practices, and teaches through review. Watch that architecture and delivery get attention too.',
  feature:
    'Takes features from design to production while leading the team technically; common in product companies. Watch that mentoring is not crowded out by delivery.',
  player_coach:
    'Manages two to four people while still writing code; often a step from engineer to manager. Watch that neither half of the job is neglected.',
};

export const PEOPLE_MANAGEMENT_LABELS: Record<PeopleManagement, string> = {
  none: 'None: no reports, reviews or hiring decisions',
  some: 'Some: mentors and gives input to reviews and hiring',
  full: 'Full: manages a small team of direct reports',
};

/**
 * Where the role leads, as the guide draws the three paths from tech lead: technical (Staff,
 * Principal, Distinguished Engineer), management (Engineering Manager, Director, VP Engineering) and
 * executive (CTO of a startup, usually by way of Staff Engineer). Director and VP are management.
 */
export const CAREER_PATH_LABELS: Record<CareerPath, string> = {
  technical: 'Technical: toward Staff, Principal and Distinguished Engineer',
  management: 'Management: toward Engineering Manager, Director and VP Engineering',
  executive: 'Executive: toward CTO of a startup, usually by way of Staff Engineer',
  open: 'Open: either path, depending on the person',
};

/** What the hiring manager should state for each thing candidates expect to hear about. */
export const EXPECTATION_HINTS: Record<Expectation, string> = {
  technicalAuthority: 'Which technical decisions they own, and who can overrule them.',
  codingTime: 'How much hands-on time is protected, and what kind of work it is.',
  teamQuality: 'Who they will lead, and their say in hiring and addressing performance.',
  emPartnership: 'How responsibilities are divided with the engineering manager.',
  growthPath: 'Where the role leads next, on the technical or the management track.',
};
