import type { Candidate } from '@scorecard/contracts';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useDownloadCandidateExport } from '../api/candidate-privacy';
import { EraseCandidateDialog } from './EraseCandidateDialog';
import './privacy.css';

/**
 * For admins on the candidate page: download everything held about the candidate, or erase their
 * personal data. Once erased, it says so, and the download holds what was kept.
 */
export function PrivacyPanel({ candidate }: { candidate: Candidate }) {
  const download = useDownloadCandidateExport(candidate.id);
  const [erasing, setErasing] = useState(false);
  const [justErased, setJustErased] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const erased = candidate.erasedAt !== null;

  // The button that opened the dialog is gone once the candidate is erased: move focus to the news.
  useEffect(() => {
    if (justErased) statusRef.current?.focus();
  }, [justErased]);

  return (
    <section className="panel panel--padded privacy-panel" aria-labelledby="privacy-title">
      <h2 id="privacy-title" className="section-header__title">
        Privacy
      </h2>
      {erased ? (
        <p ref={statusRef} tabIndex={-1} className="privacy-panel__text privacy-panel__status">
          Personal data erased on {formatDateTime(candidate.erasedAt!)}. Their applications, ratings and decisions stay,
          without their name, so statistics keep the same figures.
        </p>
      ) : (
        <p className="privacy-panel__text">
          Download everything Scorecard holds about {candidate.name}, or erase their personal data, for example when
          they ask you to.
        </p>
      )}
      {download.isError ? (
        <Alert title="Couldn’t prepare the download" onDismiss={() => download.reset()}>
          {errorMessage(download.error)}
        </Alert>
      ) : null}
      <div className="privacy-panel__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => download.mutate()}
          disabled={download.isPending}
          aria-busy={download.isPending}
        >
          {download.isPending ? 'Preparing download…' : 'Download data (JSON)'}
        </button>
        {erased ? null : (
          <button type="button" className="button button--danger" onClick={() => setErasing(true)}>
            Erase candidate…
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {download.isSuccess ? `Downloaded ${download.data}.` : ''}
      </p>
      {erased ? null : (
        <EraseCandidateDialog
          candidate={candidate}
          open={erasing}
          onClose={() => setErasing(false)}
          onErased={() => {
            setErasing(false);
            setJustErased(true);
          }}
        />
      )}
    </section>
  );
}
