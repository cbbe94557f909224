import { Fragment } from 'react';

/**
 * An email address that, when its column is too narrow for it, breaks only after its "@" or before
 * a dot ("avery.admin@" / "acme.test"), never in the middle of a word. The breaks are <wbr>
 * opportunities between parts that never wrap inside (not even at a hyphen), so copying the
 * address copies it whole.
 */
export function EmailText({ email, className }: { email: string; className?: string }) {
  const parts = email.split(/(?<=@)|(?=\.)/);
  return (
    <span className={className ? `email-text ${className}` : 'email-text'}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          <span className="email-text__part">{part}</span>
        </Fragment>
      ))}
    </span>
  );
}
