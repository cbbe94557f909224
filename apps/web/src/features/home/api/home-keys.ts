import type { RecruiterHomeQuery } from '@scorecard/contracts';

export const homeKeys = {
  all: ['home'] as const,
  recruiter: (params: RecruiterHomeQuery) => [...homeKeys.all, 'recruiter', params] as const,
  interviewer: (timeZone: string) => [...homeKeys.all, 'interviewer', timeZone] as const,
  hiringManager: () => [...homeKeys.all, 'hiring-manager'] as const,
};
