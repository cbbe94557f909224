import type { Candidate, SelfIdLink } from '@scorecard/contracts';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { CopyField } from '@/components/ui/CopyField';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useCreateSelfIdLink, useSelfIdLink } from '../api/self-id-queries';
import '../self-id.css';

/**
 * On the candidate page, for the recruiting roles: a link that asks the candidate the voluntary
 * self-identification questions, to copy or to have emailed. It never says whether or what the
 * candidate answered.
 */
export function SelfIdLinkPanel({ candidate }: { candidate: Candidate }) {
  const status = useSelfIdLink(candidate.id);
  const create = useCreateSelfIdLink(candidate.id);
  const [shown, setShown] = useState<SelfIdLink | null>(null);
  if (candidate.erasedAt !== null) return null;
  const current = status.data?.link ?? null;
  const working = current !== null && new Date(current.expiresAt).getTime() > Date.now();

  const make = (sendEmail: boolean) => create.mutate({ sendEmail }, { onSuccess: (link) => setShown(link) });

  return (
    <section className="panel panel--padded self-id-panel" aria-labelledby="self-id-title">
      <h2 id="self-id-title" className="section-header__title">
        Voluntary self-identification
      </h2>
      <p className="self-id-panel__text">
        Ask {candidate.name} the optional questions the organization uses to check that hiring is fair. Their answers
        are never shown to you, to interviewers or in any debrief: only admins and hiring managers see counts across
        many candidates.
      </p>
      {status.isError ? (
        <p className="field__hint">Couldn’t check for an earlier link: {errorMessage(status.error)}</p>
      ) : status.isPending ? null : (
        <p className="self-id-panel__status">
          {current === null
            ? 'No link sent yet.'
            : working
              ? `A link was ${current.emailedAt ? 'emailed' : 'created'} on ${formatDateTime(current.createdAt)}${current.createdBy ? ` by ${current.createdBy.name}` : ''}; it works until ${formatDateTime(current.expiresAt)}.`
              : `The last link expired on ${formatDateTime(current.expiresAt)}.`}
        </p>
      )}
      {create.isError ? (
        <Alert title="No link was made" onDismiss={() => create.reset()}>
          <p>{errorMessage(create.error)}</p>
        </Alert>
      ) : null}
      {shown ? (
        <div className="self-id-panel__link" role="status">
          <CopyField
            label="Link for the candidate"
            value={shown.url}
            secret
            hint={`${shown.emailed ? `Emailed to ${candidate.email}. ` : ''}Shown only now. It works until ${formatDateTime(shown.expiresAt)}; a new link replaces it. Send it to the candidate only: whoever holds it can answer for them.`}
          />
        </div>
      ) : null}
      <div className="self-id-panel__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={create.isPending}
          onClick={() => make(true)}
        >
          Email a link to {candidate.name}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={create.isPending}
          onClick={() => make(false)}
        >
          Create a link to copy
        </button>
      </div>
      {working ? <p className="field__hint">A new link stops the earlier one from working.</p> : null}
    </section>
  );
}
