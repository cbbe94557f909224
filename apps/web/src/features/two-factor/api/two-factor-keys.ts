export const twoFactorKeys = {
  all: ['two-factor'] as const,
  mine: () => [...twoFactorKeys.all, 'mine'] as const,
  policy: () => [...twoFactorKeys.all, 'policy'] as const,
};
