export const preferenceKeys = {
  all: ['preferences'] as const,
  mine: () => [...preferenceKeys.all, 'mine'] as const,
  unsubscribe: (token: string) => [...preferenceKeys.all, 'unsubscribe', token] as const,
};
