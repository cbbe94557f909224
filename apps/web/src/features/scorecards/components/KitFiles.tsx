import { FILE_TYPE_LABELS, fileDownloadPath } from '@scorecard/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { formatBytes } from '@/lib/format-bytes';

/**
 * The candidate's CV and other files, for the interviewer of an opening that shows candidate details
 * ("interviewers see the CV"): the first page, each opening in a new tab (PDFs inline) or downloading.
 */
export function KitFiles({ candidateId }: { candidateId: string }) {
  const files = useQuery({
    queryKey: ['interview-kit', 'candidate-files', candidateId],
    queryFn: ({ signal }) =>
      api('listCandidateFiles', { params: { id: candidateId }, query: { page: 1, pageSize: 10 }, signal }),
  });
  if (files.isPending) return <p className="muted">Loading the candidate’s files…</p>;
  if (files.isError) return <p className="muted">The candidate’s files could not be loaded.</p>;
  if (files.data.items.length === 0) return <p className="muted">No CV or other files attached.</p>;
  return (
    <ul className="kit-facts__files" aria-label="Candidate’s files">
      {files.data.items.map((f) => (
        <li key={f.id}>
          <a
            href={fileDownloadPath(f.id, f.contentType === 'application/pdf')}
            target="_blank"
            rel="noreferrer noopener"
          >
            {f.filename}
          </a>{' '}
          <span className="muted">
            {FILE_TYPE_LABELS[f.contentType]} · {formatBytes(f.sizeBytes)}
          </span>
        </li>
      ))}
    </ul>
  );
}
