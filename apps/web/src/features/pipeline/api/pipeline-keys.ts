import type { Stage } from '@scorecard/contracts';

export const pipelineKeys = {
  all: ['pipeline'] as const,
  boards: () => [...pipelineKeys.all, 'board'] as const,
  board: (openingId: string) => [...pipelineKeys.boards(), openingId] as const,
  /** A column's pages after the board's first: under the board's key, so refreshing the board refreshes them. */
  columns: (openingId: string) => [...pipelineKeys.board(openingId), 'column'] as const,
  column: (openingId: string, stage: Stage) => [...pipelineKeys.columns(openingId), stage] as const,
  applications: () => [...pipelineKeys.all, 'application'] as const,
  application: (id: string) => [...pipelineKeys.applications(), id] as const,
};
