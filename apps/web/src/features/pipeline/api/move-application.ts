import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Application, BoardColumnPage, MoveApplicationRequest, PipelineBoard } from '@scorecard/contracts';
import { api } from '@/lib/api';
import { pipelineKeys } from './pipeline-keys';

/** The board with the moved application's card taken out of its old column and put first in its new one. */
export function boardAfterMove(board: PipelineBoard, moved: Application): PipelineBoard {
  const old = board.columns.flatMap((c) => c.cards).find((card) => card.applicationId === moved.id);
  if (!old) return board;
  const card = { ...old, stage: moved.stage, stageEnteredAt: moved.stageEnteredAt, revision: moved.revision };
  return {
    ...board,
    columns: board.columns.map((column) => {
      const had = column.cards.some((c) => c.applicationId === moved.id);
      const cards = column.cards.filter((c) => c.applicationId !== moved.id);
      if (column.stage === moved.stage) return { ...column, cards: [card, ...cards], count: column.count + 1 };
      return had ? { ...column, cards, count: Math.max(0, column.count - 1) } : column;
    }),
  };
}

/** A column's later pages without the moved application (the board's first page shows it in its new column). */
export function pagesAfterMove(
  pages: InfiniteData<BoardColumnPage, string>,
  moved: Application,
): InfiniteData<BoardColumnPage, string> {
  if (!pages.pages.some((p) => p.cards.some((c) => c.applicationId === moved.id))) return pages;
  return {
    ...pages,
    pages: pages.pages.map((p) => ({ ...p, cards: p.cards.filter((c) => c.applicationId !== moved.id) })),
  };
}

export type MoveVariables = { id: string; body: MoveApplicationRequest };

/** Moves an application; the answer updates the application, its board, and candidate lists. */
export function useMoveApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: MoveVariables) => api('moveApplication', { params: { id }, body }),
    onSuccess: (application) => {
      queryClient.setQueryData(pipelineKeys.application(application.id), application);
      queryClient.setQueryData<PipelineBoard>(pipelineKeys.board(application.opening.id), (board) =>
        board ? boardAfterMove(board, application) : board,
      );
      queryClient.setQueriesData<InfiniteData<BoardColumnPage, string>>(
        { queryKey: pipelineKeys.columns(application.opening.id) },
        (pages) => (pages ? pagesAfterMove(pages, application) : pages),
      );
      // Candidates show their applications' stages; that feature's keys all start with 'candidates'.
      void queryClient.invalidateQueries({ queryKey: ['candidates'] });
      // Returned, so the mutation settles (and callers move focus) only once the refetched board is in:
      // re-ordering a column under a focused card would otherwise drop the focus.
      return queryClient.invalidateQueries({ queryKey: pipelineKeys.board(application.opening.id) });
    },
  });
}
