import type { PipelineBoard, Stage } from '@scorecard/contracts';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { OpeningNotFound } from '@/components/ui/OpeningNotFound';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryPage, useIdParam } from '@/components/ui/PageStates';
import { EmptyState } from '@/components/ui/States';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useBoard } from '../api/pipeline-queries';
import { Board } from '../components/Board';
import { MoveDialog } from '../components/MoveDialog';
import { NoPipelineAccess } from '../components/NoPipelineAccess';
import { UndoToast } from '../components/UndoToast';
import { canUsePipeline } from '../pipeline-access';
import { useStageMover } from '../use-stage-mover';

export default function PipelineRoute() {
  const id = useIdParam();
  const { user } = useSession();
  const allowed = canUsePipeline(user.role);
  const board = useBoard(allowed ? id : null);
  useDocumentTitle(board.data ? `Pipeline · ${board.data.opening.title}` : 'Pipeline');
  return (
    <QueryPage
      query={board}
      copy={{ title: 'Pipeline', loading: 'Loading the pipeline…', failed: 'Couldn’t load the pipeline' }}
      noAccess={{ allowed, page: <NoPipelineAccess /> }}
      notFound={{ found: id !== null, page: <OpeningNotFound title="Pipeline not found" /> }}
    >
      {(data) => <PipelinePage board={data} refetch={() => void board.refetch()} />}
    </QueryPage>
  );
}

function PipelinePage({ board, refetch }: { board: PipelineBoard; refetch: () => void }) {
  // The moved card takes the focus once the board shows it in its new column.
  const [focusTarget, setFocusTarget] = useState<{ id: string; stage: Stage } | null>(null);
  const onFocused = useCallback(() => setFocusTarget(null), []);
  const mover = useStageMover({
    onMoved: (application) => setFocusTarget({ id: application.id, stage: application.stage }),
    onStale: refetch,
  });
  const total = board.columns.reduce((sum, c) => sum + c.count, 0);
  return (
    <div className="pipeline-page">
      <p className="breadcrumb">
        <Link to="/openings">Openings</Link> / <Link to={`/openings/${board.opening.id}`}>{board.opening.title}</Link>
      </p>
      <PageHeader
        title={`Pipeline: ${board.opening.title}`}
        description={`${total} ${total === 1 ? 'application' : 'applications'}.`}
        actions={
          <>
            <Link to={`/openings/${board.opening.id}/compare`} className="button button--secondary">
              Compare candidates
            </Link>
            <Link to="/candidates" className="button button--secondary">
              Candidates
            </Link>
          </>
        }
      />
      <p className="board-hint" id="board-hint">
        <strong>Keyboard:</strong> Tab to a card, <kbd>↑</kbd> / <kbd>↓</kbd> (or <kbd>Home</kbd> / <kbd>End</kbd>) to
        go through its column, then <kbd>←</kbd> / <kbd>→</kbd> to move it to the previous or next stage, or{' '}
        <kbd>M</kbd> for every move, including reject and withdraw. You can also drag cards between columns. After a
        move, <strong>Undo</strong> is offered for 10 seconds: press <kbd>U</kbd> on a card, or click it. Cards in a
        stage over {board.stuckDays} days are marked stuck.
      </p>
      <UndoToast mover={mover} />
      <div className="visually-hidden" aria-live="polite" role="status">
        {mover.liveAnnouncement}
      </div>
      {mover.failure ? (
        <Alert title="Not moved" onDismiss={mover.clearFailure}>
          {mover.failure}
        </Alert>
      ) : null}
      {board.opening.status !== 'open' ? (
        <Alert tone="info">This opening isn’t open, so some moves may be refused.</Alert>
      ) : null}
      {total === 0 ? (
        <EmptyState
          title="No applications yet"
          action={
            <Link to="/candidates" className="button button--secondary">
              Go to candidates
            </Link>
          }
        >
          <p>Apply candidates to this opening from their page; they start in Applied.</p>
        </EmptyState>
      ) : (
        <Board board={board} mover={mover} focusTarget={focusTarget} onFocused={onFocused} />
      )}
      <MoveDialog mover={mover} />
    </div>
  );
}
