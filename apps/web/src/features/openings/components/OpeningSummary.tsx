import {
  ARCHETYPE_LABELS,
  DECISION_AUTHORITY_LABELS,
  EXPECTATIONS,
  EXPECTATION_LABELS,
  LEVEL_LABELS,
  type Opening,
} from '@scorecard/contracts';
import type { ReactNode } from 'react';
import { CAREER_PATH_LABELS, PEOPLE_MANAGEMENT_LABELS } from '../opening-copy';
import { formatAmount } from '../opening-form';

function Missing({ children = 'Not stated' }: { children?: ReactNode }) {
  return <span className="summary__missing">{children}</span>;
}

function Item({ term, children, wide = false }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'summary__item summary__item--wide' : 'summary__item'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The role profile as candidates and the panel will read it. */
export function OpeningSummary({ opening }: { opening: Opening }) {
  const band = opening.compensation;
  return (
    <div className="summary">
      <dl className="summary__list">
        <Item term="Level">{LEVEL_LABELS[opening.level]}</Item>
        <Item term="Team">{opening.team || <Missing>None</Missing>}</Item>
        <Item term="Archetype">{ARCHETYPE_LABELS[opening.archetype]}</Item>
        <Item term="Coding share">
          {opening.codingSharePct === null ? (
            <Missing>Not stated yet (the plan check needs it)</Missing>
          ) : (
            `${opening.codingSharePct}% of the time`
          )}
        </Item>
        <Item term="People management">{PEOPLE_MANAGEMENT_LABELS[opening.peopleManagement]}</Item>
        <Item term="Decision authority">{DECISION_AUTHORITY_LABELS[opening.decisionAuthority]}</Item>
        <Item term="Compensation">
          {formatAmount(band.minMinor)}–{formatAmount(band.maxMinor)} {band.currency} base per year
        </Item>
        <Item term="Career path">{CAREER_PATH_LABELS[opening.careerPath]}</Item>
        <Item term="Hiring manager">{opening.hiringManager?.name ?? <Missing>Not chosen yet</Missing>}</Item>
        <Item term="Recruiter">{opening.recruiter?.name ?? <Missing>None</Missing>}</Item>
        <Item term="Rubric">
          {opening.rubricVersion ? (
            `${opening.rubricVersion.name} v${opening.rubricVersion.version}`
          ) : (
            <Missing>Not chosen yet</Missing>
          )}
        </Item>
        <Item term="Red-flag checklist">
          {opening.checklistVersion ? (
            `${opening.checklistVersion.name} v${opening.checklistVersion.version}`
          ) : (
            <Missing>Not chosen yet</Missing>
          )}
        </Item>
        <Item term="Interviewers see">
          {opening.hideCandidateDetails
            ? 'Only the candidate’s name (CV details hidden)'
            : 'The candidate’s CV details'}
        </Item>
        <Item term="Split of work with the engineering manager" wide>
          {opening.emPartnership ? <span className="summary__text">{opening.emPartnership}</span> : <Missing />}
        </Item>
      </dl>
      <h3 className="summary__subtitle">What the role offers candidates</h3>
      <dl className="summary__list summary__list--two">
        {EXPECTATIONS.map((key) => (
          <Item key={key} term={EXPECTATION_LABELS[key]}>
            {opening.expectations[key] ? (
              <span className="summary__text">{opening.expectations[key]}</span>
            ) : (
              <Missing />
            )}
          </Item>
        ))}
      </dl>
    </div>
  );
}
