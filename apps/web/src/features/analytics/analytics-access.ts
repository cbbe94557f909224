import type { Role } from '@scorecard/contracts';

export type AnalyticsView = 'pipeline' | 'calibration' | 'adverse-impact';

/** Admins, recruiters and hiring managers see the pipeline; interviewers see no analytics. */
export function canSeePipeline(role: Role): boolean {
  return role === 'admin' || role === 'recruiter' || role === 'hiring_manager';
}

/** Calibration compares interviewers with each other: admins and hiring managers only (the API checks it again). */
export function canSeeCalibration(role: Role): boolean {
  return role === 'admin' || role === 'hiring_manager';
}

/** Adverse impact reads self-identification, in aggregate: admins and hiring managers only (the API checks it again). */
export function canSeeAdverseImpact(role: Role): boolean {
  return role === 'admin' || role === 'hiring_manager';
}

/** The views a role is offered, in tab order. */
export function analyticsViews(role: Role): AnalyticsView[] {
  const views: AnalyticsView[] = [];
  if (canSeePipeline(role)) views.push('pipeline');
  if (canSeeCalibration(role)) views.push('calibration');
  if (canSeeAdverseImpact(role)) views.push('adverse-impact');
  return views;
}

/** Where /analytics lands: hiring managers judge their panels, everyone else follows the pipeline. */
export function defaultView(role: Role): AnalyticsView {
  return role === 'hiring_manager' ? 'calibration' : 'pipeline';
}

export function isAnalyticsView(value: string | undefined): value is AnalyticsView {
  return value === 'pipeline' || value === 'calibration' || value === 'adverse-impact';
}
