import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { errorMessage } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCheckImport, useCommitImport, type ImportCheck } from '../api/candidate-import-mutations';
import { canUseCandidates } from '../candidate-access';
import { batches, guessMapping, type ColumnMapping, type CsvFile } from '../candidate-import';
import { ImportCheckStep } from '../components/ImportCheckStep';
import { ImportFileStep } from '../components/ImportFileStep';
import { ImportMappingStep } from '../components/ImportMappingStep';
import { ImportResults } from '../components/ImportResults';
import { ImportReviewStep } from '../components/ImportReviewStep';
import { ImportSteps } from '../components/ImportSteps';
import { NoCandidatesAccess } from '../components/NoCandidatesAccess';
import '../components/candidate-import.css';

type State =
  | { step: 'file'; notice?: ReactNode }
  | { step: 'map'; file: CsvFile; mapping: ColumnMapping; notice?: ReactNode }
  | { step: 'check'; file: CsvFile; mapping: ColumnMapping; checked: number }
  | { step: 'review'; file: CsvFile; mapping: ColumnMapping; check: ImportCheck }
  | { step: 'done'; importId: string; created: number };

const STEP_INDEX: Record<State['step'], number> = { file: 0, map: 1, check: 2, review: 3, done: 4 };

export default function ImportCandidatesRoute() {
  useDocumentTitle('Import candidates');
  const { user } = useSession();
  if (!canUseCandidates(user.role)) return <NoCandidatesAccess />;
  return <ImportCandidates />;
}

function ImportCandidates() {
  const [state, setState] = useState<State>({ step: 'file' });
  const checkImport = useCheckImport();
  const commit = useCommitImport();
  const abort = useRef<AbortController | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);

  // Each new step takes the focus to its heading, so keyboard and screen-reader users follow along.
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    container.current?.querySelector<HTMLElement>('[data-step-heading]')?.focus();
  }, [state.step]);
  useEffect(() => () => abort.current?.abort(), []);

  const check = (file: CsvFile, mapping: ColumnMapping) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    commit.reset();
    setState({ step: 'check', file, mapping, checked: 0 });
    checkImport.mutate(
      {
        batches: batches(file, mapping),
        signal: controller.signal,
        onProgress: (checked) => {
          if (!controller.signal.aborted) setState((s) => (s.step === 'check' ? { ...s, checked } : s));
        },
      },
      {
        onSuccess: (result) => {
          if (!controller.signal.aborted) setState({ step: 'review', file, mapping, check: result });
        },
        onError: (error) => {
          if (controller.signal.aborted) return;
          setState({
            step: 'map',
            file,
            mapping,
            notice: <Alert title="The check stopped. Nothing was imported.">{errorMessage(error)}</Alert>,
          });
        },
      },
    );
  };

  let body: ReactNode;
  switch (state.step) {
    case 'file':
      body = (
        <ImportFileStep
          notice={state.notice}
          onRead={(file) => setState({ step: 'map', file, mapping: guessMapping(file.headers) })}
        />
      );
      break;
    case 'map':
      body = (
        <ImportMappingStep
          file={state.file}
          mapping={state.mapping}
          notice={state.notice}
          onChange={(mapping) => setState({ ...state, mapping })}
          onBack={() => setState({ step: 'file' })}
          onContinue={() => check(state.file, state.mapping)}
        />
      );
      break;
    case 'check':
      body = (
        <ImportCheckStep
          checked={state.checked}
          total={state.file.rows.length}
          onCancel={() => {
            abort.current?.abort();
            setState({
              step: 'map',
              file: state.file,
              mapping: state.mapping,
              notice: (
                <Alert tone="info" title="Check cancelled">
                  Nothing was imported. Change the column matches, or check the rows again.
                </Alert>
              ),
            });
          }}
        />
      );
      break;
    case 'review':
      body = (
        <ImportReviewStep
          file={state.file}
          mapping={state.mapping}
          check={state.check}
          committing={commit.isPending}
          commitError={commit.error}
          onCommit={(skipInvalid) =>
            commit.mutate(
              { importId: state.check.importId, skipInvalid },
              { onSuccess: (done) => setState({ step: 'done', importId: done.id, created: done.createdCount ?? 0 }) },
            )
          }
          onCheckAgain={() => check(state.file, state.mapping)}
          onChangeMapping={() => {
            commit.reset();
            setState({ step: 'map', file: state.file, mapping: state.mapping });
          }}
          onImportNothing={() => {
            commit.reset();
            setState({
              step: 'file',
              notice: (
                <Alert tone="info" title="Nothing was imported">
                  Fix the file and choose it again, or choose another file.
                </Alert>
              ),
            });
          }}
        />
      );
      break;
    case 'done':
      body = (
        <ImportResults
          importId={state.importId}
          created={state.created}
          onImportAnother={() => setState({ step: 'file' })}
        />
      );
      break;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">Candidates</Link>
      </p>
      <PageHeader
        title="Import candidates"
        description="Add many candidates from a CSV file. Every row is checked first; nothing is written until you choose to import."
      />
      <div className="import-page" ref={container}>
        <ImportSteps current={STEP_INDEX[state.step]} />
        {body}
      </div>
    </>
  );
}
