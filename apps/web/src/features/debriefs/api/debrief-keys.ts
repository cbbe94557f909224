export const debriefKeys = {
  all: ['debriefs'] as const,
  debrief: (applicationId: string) => [...debriefKeys.all, 'debrief', applicationId] as const,
  comparisons: (openingId: string) => [...debriefKeys.all, 'comparison', openingId] as const,
  comparison: (openingId: string, applicationIds: readonly string[]) =>
    [...debriefKeys.comparisons(openingId), applicationIds.join(',')] as const,
  /** The opening's applications to pick from (its pipeline board). */
  candidates: (openingId: string) => [...debriefKeys.all, 'candidates', openingId] as const,
};
