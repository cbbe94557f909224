import { SIGNAL_LABELS, SOURCE_LABELS, type Candidate } from '@scorecard/contracts';
import type { ReactNode } from 'react';
import { CAREER_PATH_LABELS } from '../candidate-form';

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'summary__item summary__item--wide' : 'summary__item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const none = <span className="summary__missing">Not given</span>;

function money(c: NonNullable<Candidate['compensationExpectation']>): string {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: c.currency,
      maximumFractionDigits: 0,
    }).format(c.amountMinor / 100);
  } catch {
    return `${(c.amountMinor / 100).toLocaleString()} ${c.currency}`;
  }
}

/** What is known about the candidate, read-only. */
export function CandidateFacts({ candidate: c }: { candidate: Candidate }) {
  const links = (
    [
      ['LinkedIn', c.links.linkedin],
      ['GitHub', c.links.github],
      ['Blog', c.links.blog],
      ['Talks', c.links.talks],
    ] as const
  ).filter(([, url]) => url);
  if (c.erasedAt !== null) {
    // Only what statistics use is left; everything personal was erased.
    return (
      <dl className="summary__list">
        <Item label="Source">
          {SOURCE_LABELS[c.source]} · {c.internal ? 'Internal' : 'External'}
        </Item>
        <Item label="Desired career path">{CAREER_PATH_LABELS[c.desiredCareerPath]}</Item>
        <Item label="Desired coding share">
          {c.desiredCodingSharePct === null ? none : `${c.desiredCodingSharePct}%`}
        </Item>
        <Item label="Personal details" wide>
          <span className="summary__missing">Erased</span>
        </Item>
      </dl>
    );
  }
  return (
    <dl className="summary__list">
      <Item label="Email">{c.email}</Item>
      <Item label="Phone">{c.phone || none}</Item>
      <Item label="Location">{c.location || none}</Item>
      <Item label="Source">
        {SOURCE_LABELS[c.source]} · {c.internal ? 'Internal' : 'External'}
      </Item>
      <Item label="Desired career path">{CAREER_PATH_LABELS[c.desiredCareerPath]}</Item>
      <Item label="Desired coding share">
        {c.desiredCodingSharePct === null ? none : `${c.desiredCodingSharePct}%`}
      </Item>
      <Item label="Compensation expectation">
        {c.compensationExpectation ? money(c.compensationExpectation) : none}
      </Item>
      <Item label="Tags">{c.tags.length > 0 ? c.tags.join(', ') : none}</Item>
      <Item label="Leadership signals" wide>
        {c.signals.length > 0 ? c.signals.map((s) => SIGNAL_LABELS[s]).join(' · ') : none}
      </Item>
      <Item label="Links" wide>
        {links.length > 0 ? (
          <ul className="link-list">
            {links.map(([label, url]) => (
              <li key={label}>
                <a href={url} target="_blank" rel="noreferrer noopener">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Item>
      <Item label="Notes" wide>
        {c.notes ? <p className="summary__text">{c.notes}</p> : none}
      </Item>
    </dl>
  );
}
