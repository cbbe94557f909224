/** Every key of this feature starts with 'qualification'. */
export const qualificationKeys = {
  all: ['qualification'] as const,
  settings: () => [...qualificationKeys.all, 'settings'] as const,
  mine: () => [...qualificationKeys.all, 'mine'] as const,
  members: (filter: 'ready' | 'training' | 'all', page: number) =>
    [...qualificationKeys.all, 'members', filter, page] as const,
};
