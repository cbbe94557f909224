import {
  type Candidate,
  type CandidateFile,
  DEFAULT_FILE_MAX_BYTES,
  FILE_TYPE_LABELS,
  fileDownloadPath,
} from '@scorecard/contracts';
import { useId, useRef, useState, type DragEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Pagination } from '@/components/ui/Pagination';
import { ErrorState, LoadingState, Spinner } from '@/components/ui/States';
import { errorMessage, isApiError } from '@/lib/api';
import { formatBytes } from '@/lib/format-bytes';
import { formatDateTime } from '@/lib/format-time';
import {
  FILES_PAGE_SIZE,
  useCandidateFiles,
  useDeleteCandidateFile,
  useUploadCandidateFile,
} from './CandidateFilesData';
import './candidate-files.css';

const TYPES = Object.values(FILE_TYPE_LABELS);
const ACCEPTED_TYPES = `${TYPES.slice(0, -1).join(', ')} or ${TYPES.at(-1)}`;
const ACCEPT = '.pdf,.docx,.txt,.png,.jpg,.jpeg,application/pdf,text/plain,image/png,image/jpeg';

/** What went wrong with an upload, in words that say what to do. */
function uploadProblem(error: unknown, name: string, maxBytes: number): string {
  if (isApiError(error, 'payload_too_large')) {
    return `“${name}” is larger than ${formatBytes(maxBytes)}, the most a file may be. Nothing was uploaded: make it smaller (for example, export the PDF again at a lower quality) and try again.`;
  }
  if (isApiError(error, 'unsupported_media_type')) {
    return `“${name}” isn’t a ${ACCEPTED_TYPES} file. Scorecard checks what a file contains, not its name, so renaming it won’t help. Nothing was uploaded.`;
  }
  if (isApiError(error, 'invalid_transition')) return errorMessage(error);
  return `“${name}” couldn’t be uploaded. ${errorMessage(error)}`;
}

/**
 * The candidate's files (a CV and others): upload by button or drag-and-drop with progress, a list
 * with name, type, size, uploader and date, a download link for each, an in-page preview of PDFs,
 * and delete with a confirmation.
 */
export function CandidateFiles({ candidate }: { candidate: Candidate }) {
  const [page, setPage] = useState(1);
  const files = useCandidateFiles(candidate.id, page);
  const upload = useUploadCandidateFile(candidate.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [uploadingName, setUploadingName] = useState('');
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const erased = candidate.erasedAt !== null;
  const maxBytes = files.data?.maxBytes ?? DEFAULT_FILE_MAX_BYTES;

  const start = (file: File | undefined) => {
    if (!file || upload.isPending) return;
    setProblem(null);
    setUploaded(null);
    if (file.size > maxBytes) {
      setProblem(
        `“${file.name}” is ${formatBytes(file.size)}: larger than ${formatBytes(maxBytes)}, the most a file may be. Nothing was uploaded.`,
      );
      return;
    }
    setUploadingName(file.name);
    upload.mutate(file, {
      onSuccess: (f) => {
        setUploaded(`Uploaded “${f.filename}” (${FILE_TYPE_LABELS[f.contentType]}, ${formatBytes(f.sizeBytes)}).`);
        setPage(1);
      },
      onError: (error) => setProblem(uploadProblem(error, file.name, maxBytes)),
    });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (erased) return;
    start(e.dataTransfer.files[0]);
  };

  return (
    <section className="panel panel--padded candidate-files" aria-labelledby="files-title">
      <h2 id="files-title" className="section-header__title">
        Files
      </h2>
      {erased ? null : (
        <div
          className={`candidate-files__drop${dragging ? ' candidate-files__drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          aria-busy={upload.isPending}
        >
          {upload.isPending ? (
            <div className="candidate-files__progress" role="status">
              <Spinner />
              <span>
                Uploading “{uploadingName}”… {Math.round(upload.progress * 100)}%
              </span>
              <progress max={1} value={upload.progress} aria-label={`Upload of ${uploadingName}`} />
            </div>
          ) : (
            <>
              <p className="candidate-files__drop-text">
                Drag a CV or another file here, or{' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => input.current?.click()}
                  aria-describedby={hintId}
                >
                  Choose a file…
                </button>
              </p>
              <p id={hintId} className="candidate-files__hint">
                {ACCEPTED_TYPES}, up to {formatBytes(maxBytes)}.
              </p>
            </>
          )}
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="candidate-file-input"
            onChange={(e) => {
              start(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
      )}
      <div aria-live="polite">
        {problem ? (
          <Alert title="Not uploaded" onDismiss={() => setProblem(null)}>
            {problem}
          </Alert>
        ) : null}
        {uploaded ? (
          <Alert tone="success" onDismiss={() => setUploaded(null)}>
            {uploaded}
          </Alert>
        ) : null}
      </div>
      {files.isPending ? (
        <LoadingState label="Loading files…" />
      ) : files.isError ? (
        <ErrorState
          title="Couldn’t load the files"
          error={files.error}
          onRetry={() => void files.refetch()}
          retrying={files.isFetching}
        />
      ) : files.data.total === 0 ? (
        <p className="candidate-files__empty">
          {erased
            ? 'No files: they were erased with the candidate’s personal data.'
            : 'No files yet. Add their CV above.'}
        </p>
      ) : (
        <>
          <ul className="candidate-files__list" aria-label={`Files of ${candidate.name}`}>
            {files.data.items.map((f) => (
              <FileRow key={f.id} file={f} candidateId={candidate.id} />
            ))}
          </ul>
          {files.data.total > FILES_PAGE_SIZE ? (
            <Pagination
              page={page}
              pageSize={FILES_PAGE_SIZE}
              total={files.data.total}
              onPageChange={setPage}
              label="Pages of files"
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function FileRow({ file: f, candidateId }: { file: CandidateFile; candidateId: string }) {
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteCandidateFile(candidateId);
  const previewId = useId();
  const isPdf = f.contentType === 'application/pdf';
  return (
    <li className="candidate-files__item">
      <div className="candidate-files__row">
        <div className="candidate-files__main">
          <a className="candidate-files__name" href={fileDownloadPath(f.id)} download={f.filename}>
            {f.filename}
          </a>
          <p className="candidate-files__meta">
            <span className="candidate-files__type">{FILE_TYPE_LABELS[f.contentType]}</span>
            <span>{formatBytes(f.sizeBytes)}</span>
            <span>
              {f.uploadedBy ? `${f.uploadedBy.name}, ` : ''}
              {formatDateTime(f.createdAt)}
            </span>
          </p>
        </div>
        <div className="candidate-files__actions">
          {isPdf ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={previewing}
              aria-controls={previewId}
              onClick={() => setPreviewing((p) => !p)}
            >
              {previewing ? 'Hide preview' : 'Preview'}
              <span className="visually-hidden"> {f.filename}</span>
            </button>
          ) : null}
          <a className="button button--secondary button--small" href={fileDownloadPath(f.id)} download={f.filename}>
            Download<span className="visually-hidden"> {f.filename}</span>
          </a>
          {f.canDelete ? (
            <button
              type="button"
              className="button button--danger-text button--small"
              onClick={() => setConfirming(true)}
            >
              Delete<span className="visually-hidden"> {f.filename}</span>
            </button>
          ) : null}
        </div>
      </div>
      {isPdf && previewing ? (
        <iframe
          id={previewId}
          className="candidate-files__preview"
          src={fileDownloadPath(f.id, true)}
          title={`Preview of ${f.filename}`}
        />
      ) : null}
      <Dialog
        open={confirming}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        role="alertdialog"
        title={`Delete “${f.filename}”?`}
        description={<p>The file is removed for everyone. This cannot be undone.</p>}
      >
        {remove.isError ? <Alert title="Couldn’t delete the file">{errorMessage(remove.error)}</Alert> : null}
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setConfirming(false);
              remove.reset();
            }}
          >
            Keep it
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            aria-busy={remove.isPending}
            onClick={() => remove.mutate(f.id, { onSuccess: () => setConfirming(false) })}
          >
            {remove.isPending ? 'Deleting…' : 'Delete file'}
          </button>
        </div>
      </Dialog>
    </li>
  );
}
