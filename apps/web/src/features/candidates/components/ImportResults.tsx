import type { ApplyImportResult } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Pagination } from '@/components/ui/Pagination';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { ApiError, errorMessage } from '@/lib/api';
import { useApplyImport, useImportedCandidates } from '../api/candidate-import-mutations';
import { useOpeningChoices } from '../api/candidate-queries';
import { plural } from '../candidate-import';
import { StepHeading } from './ImportSteps';
import { OpeningChoiceField } from './OpeningChoiceField';

const PAGE_SIZE = 25;

/** The import's last step: who was added (with links), and applying them all to an opening. */
export function ImportResults({
  importId,
  created,
  onImportAnother,
}: {
  importId: string;
  created: number;
  onImportAnother: () => void;
}) {
  return (
    <section className="panel panel--padded import-step" aria-labelledby="import-done-title">
      <StepHeading id="import-done-title" title={`Imported ${plural(created, 'candidate', 'candidates')}`} />
      <Alert tone="success">{plural(created, 'candidate was', 'candidates were')} added.</Alert>
      <AddedList importId={importId} />
      <ApplyAll importId={importId} created={created} />
      <div className="form__actions form__actions--start">
        <Link to="/candidates" className="button button--secondary">
          Go to candidates
        </Link>
        <button type="button" className="button button--secondary" onClick={onImportAnother}>
          Import another file
        </button>
      </div>
    </section>
  );
}

function AddedList({ importId }: { importId: string }) {
  const [page, setPage] = useState(1);
  const added = useImportedCandidates(importId, page, PAGE_SIZE);
  if (added.isPending) return <LoadingState label="Loading who was added…" />;
  if (added.isError) {
    return (
      <ErrorState
        title="Couldn’t load who was added"
        error={added.error}
        onRetry={() => void added.refetch()}
        retrying={added.isFetching}
      />
    );
  }
  return (
    <div className="import-results">
      <h3 className="import-results__title">Added</h3>
      <ul className="import-results__list" aria-label="Candidates added">
        {added.data.items.map((c) => (
          <li key={c.id} className="import-results__item">
            <Link to={`/candidates/${c.id}`}>{c.name}</Link>
            <span className="import-results__email">{c.email}</span>
          </li>
        ))}
      </ul>
      {added.data.total > PAGE_SIZE ? (
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={added.data.total}
          onPageChange={setPage}
          label="Pages of added candidates"
        />
      ) : null}
    </div>
  );
}

function applyError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'stage_move_refused') return error.detail ?? 'That opening isn’t open for applications.';
    if (error.fieldErrors[0]) return error.fieldErrors[0].message;
  }
  return `Couldn’t apply them. ${errorMessage(error)}`;
}

function ApplyAll({ importId, created }: { importId: string; created: number }) {
  const id = useId();
  const openings = useOpeningChoices('open');
  const apply = useApplyImport(importId);
  const [openingId, setOpeningId] = useState('');
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [result, setResult] = useState<ApplyImportResult | null>(null);

  const submit = () => {
    if (!openingId) {
      setChoiceError('Choose an opening.');
      document.getElementById(`${id}-opening`)?.focus();
      return;
    }
    setChoiceError(null);
    setResult(null);
    apply.mutate(openingId, { onSuccess: setResult });
  };

  return (
    <form
      className="apply-form import-apply"
      noValidate
      aria-label="Apply all to an opening"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 className="import-results__title">Apply all to an opening</h3>
      {apply.isError ? <Alert onDismiss={() => apply.reset()}>{applyError(apply.error)}</Alert> : null}
      {result ? <ApplyOutcome result={result} /> : null}
      <OpeningChoiceField
        id={id}
        openings={openings}
        value={openingId}
        error={choiceError}
        disabled={openings.isPending || apply.isPending}
        onChange={(value) => {
          setOpeningId(value);
          setChoiceError(null);
          apply.reset();
        }}
        submitting={apply.isPending}
        submitLabel={apply.isPending ? 'Applying…' : `Apply all ${plural(created, 'candidate', 'candidates')}`}
        hint="Everyone added starts in Applied; anyone who already applied to it stays where they are."
      />
    </form>
  );
}

function ApplyOutcome({ result }: { result: ApplyImportResult }) {
  const already = result.results.filter((r) => r.outcome === 'already_applied');
  const erased = result.results.filter((r) => r.outcome === 'erased');
  return (
    <Alert
      tone="success"
      title={`Applied ${plural(result.applied, 'candidate', 'candidates')} to ${result.opening.title}`}
    >
      {already.length > 0 ? (
        <p>
          {plural(already.length, 'candidate had', 'candidates had')} already applied and stayed where they were:{' '}
          {already.map((r, i) => (
            <span key={r.candidateId}>
              {i > 0 ? ', ' : ''}
              {r.applicationId ? <Link to={`/applications/${r.applicationId}`}>{r.name}</Link> : r.name}
            </span>
          ))}
          .
        </p>
      ) : null}
      {erased.length > 0 ? (
        <p>{plural(erased.length, 'candidate was', 'candidates were')} erased since the import and not applied.</p>
      ) : null}
      <p>
        <Link to={`/openings/${result.opening.id}/pipeline`}>Open the pipeline of {result.opening.title}</Link>
      </p>
    </Alert>
  );
}
