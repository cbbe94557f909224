export const pipelineKeys = {
  all: ['pipeline'] as const,
  boards: () => [...pipelineKeys.all, 'board'] as const,
  board: (openingId: string) => [...pipelineKeys.boards(), openingId] as const,
  applications: () => [...pipelineKeys.all, 'application'] as const,
  application: (id: string) => [...pipelineKeys.applications(), id] as const,
  interviews: (applicationId: string) => [...pipelineKeys.all, 'interviews', applicationId] as const,
  /** The opening an application belongs to, read for its interview plan. */
  opening: (openingId: string) => [...pipelineKeys.all, 'opening', openingId] as const,
};
