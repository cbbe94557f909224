import { PacketQuery } from '@scorecard/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field } from '@/components/ui/Field';
import { errorMessage } from '@/lib/api';
import { useDownloadCommitteePacket } from '../api/committee-packet';

/**
 * "Committee packet (PDF)" on the debrief: a dialog to choose whether to anonymise, and which more
 * terms to redact, then the download. Shown wherever the debrief is (the API applies the same
 * access rule to both).
 */
export function CommitteePacketControl({ applicationId }: { applicationId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--secondary debrief-no-print" onClick={() => setOpen(true)}>
        Committee packet (PDF)
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Committee packet"
        description="A PDF for people who never met the candidate: the role, the rubric, the scores, the disagreements, the red flags, every submitted scorecard, the debrief meeting and the decision."
      >
        <PacketForm applicationId={applicationId} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function PacketForm({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const download = useDownloadCommitteePacket(applicationId);
  const [anonymise, setAnonymise] = useState(false);
  const [terms, setTerms] = useState('');
  const [termsError, setTermsError] = useState<string | undefined>();
  const toggleId = useId();
  const toggle = useRef<HTMLInputElement>(null);
  // After the dialog has opened (a layout effect): the choice that matters most takes the focus.
  useEffect(() => toggle.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // The API's own schema checks the terms, so the page and the API say the same thing.
    const parsed = PacketQuery.safeParse(anonymise ? { anonymise: 'true', redact: terms } : {});
    if (!parsed.success) {
      setTermsError(parsed.error.issues[0]?.message ?? 'Check the terms to redact.');
      return;
    }
    setTermsError(undefined);
    download.mutate({ anonymise: parsed.data.anonymise, redact: parsed.data.redact }, { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Committee packet">
      {download.isError ? <Alert title="The packet wasn’t downloaded">{errorMessage(download.error)}</Alert> : null}
      <div className="check-field">
        <input
          ref={toggle}
          id={toggleId}
          type="checkbox"
          className="checkbox"
          aria-describedby={`${toggleId}-hint`}
          checked={anonymise}
          onChange={(e) => {
            setAnonymise(e.target.checked);
            setTermsError(undefined);
          }}
        />
        <div>
          <label htmlFor={toggleId}>Anonymise</label>
          <p id={`${toggleId}-hint`} className="field__hint">
            The candidate’s name becomes a code, and their current company, email, phone, links and gendered pronouns
            are taken out of every text. Interviewers’ names stay. Free text may still say who the candidate is.
          </p>
        </div>
      </div>
      {anonymise ? (
        <Field
          label="Also redact (optional)"
          error={termsError}
          hint="Schools, former employers or anything else that could identify them, separated by commas. Scorecard does not store schools, so name them here."
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={terms}
              placeholder="e.g. Stanford, MIT"
              autoComplete="off"
              onChange={(e) => setTerms(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={download.isPending}>
          {download.isPending ? 'Preparing the PDF…' : 'Download PDF'}
        </button>
      </div>
    </form>
  );
}
