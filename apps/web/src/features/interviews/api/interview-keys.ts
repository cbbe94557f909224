/** Every key of this feature starts with 'interviews'. */
export const interviewKeys = {
  all: ['interviews'] as const,
  /** The interviews of one application. */
  forApplication: (applicationId: string) => [...interviewKeys.all, 'application', applicationId] as const,
  /** The opening an application belongs to, read for its interview plan. */
  opening: (openingId: string) => [...interviewKeys.all, 'opening', openingId] as const,
};
