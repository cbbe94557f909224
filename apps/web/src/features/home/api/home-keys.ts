import type { RecruiterHomeQuery } from '@scorecard/contracts';

export const homeKeys = {
  all: ['home'] as const,
  recruiter: (params: RecruiterHomeQuery) => [...homeKeys.all, 'recruiter', params] as const,
};
