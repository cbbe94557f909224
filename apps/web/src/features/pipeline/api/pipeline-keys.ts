export const pipelineKeys = {
  all: ['pipeline'] as const,
  boards: () => [...pipelineKeys.all, 'board'] as const,
  board: (openingId: string) => [...pipelineKeys.boards(), openingId] as const,
  applications: () => [...pipelineKeys.all, 'application'] as const,
  application: (id: string) => [...pipelineKeys.applications(), id] as const,
};
