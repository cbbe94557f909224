import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '@/components/ui/States';
import { AppShell } from './AppShell';
import { preloadDebrief, preloadHome, preloadInterviewKit, type PreloadContext } from './preload';
import { RouteError } from './RouteError';

/**
 * A route's screen in a chunk of its own, plus `preload` to start downloading that chunk before
 * React gets to render it (`import()` of one module twice is one download).
 */
function page(load: () => Promise<{ default: ComponentType }>) {
  return Object.assign(lazy(load), { preload: load });
}

// One chunk per route: a visitor on the sign-in page does not download the users screen.
const LoginRoute = page(() => import('@/features/auth/routes/LoginRoute'));
const SignupRoute = lazy(() => import('@/features/auth/routes/SignupRoute'));
const HomeRoute = page(() => import('@/features/home/routes/HomeRoute'));
const UsersRoute = lazy(() => import('@/features/users/routes/UsersRoute'));
const OpeningsRoute = lazy(() => import('@/features/openings/routes/OpeningsRoute'));
const NewOpeningRoute = lazy(() => import('@/features/openings/routes/NewOpeningRoute'));
const OpeningRoute = lazy(() => import('@/features/openings/routes/OpeningRoute'));
const RubricsRoute = lazy(() => import('@/features/library/routes/RubricsRoute'));
const RubricRoute = lazy(() => import('@/features/library/routes/RubricRoute'));
const ChecklistsRoute = lazy(() => import('@/features/library/routes/ChecklistsRoute'));
const QuestionBankRoute = lazy(() => import('@/features/question-bank/routes/QuestionBankRoute'));
const ChecklistRoute = lazy(() => import('@/features/library/routes/ChecklistRoute'));
const CandidatesRoute = lazy(() => import('@/features/candidates/routes/CandidatesRoute'));
const NewCandidateRoute = lazy(() => import('@/features/candidates/routes/NewCandidateRoute'));
const ImportCandidatesRoute = lazy(() => import('@/features/candidates/routes/ImportCandidatesRoute'));
const CandidateRoute = lazy(() => import('@/features/candidates/routes/CandidateRoute'));
const EditCandidateRoute = lazy(() => import('@/features/candidates/routes/EditCandidateRoute'));
const PipelineRoute = page(() => import('@/features/pipeline/routes/PipelineRoute'));
const ApplicationRoute = lazy(() => import('@/features/pipeline/routes/ApplicationRoute'));
const MyInterviewsRoute = lazy(() => import('@/features/scorecards/routes/MyInterviewsRoute'));
const InterviewRoute = page(() => import('@/features/scorecards/routes/InterviewRoute'));
const DebriefRoute = page(() => import('@/features/debriefs/routes/DebriefRoute'));
const MeetingRoute = lazy(() => import('@/features/meetings/routes/MeetingRoute'));
const ComparisonRoute = lazy(() => import('@/features/debriefs/routes/ComparisonRoute'));
const AnalyticsRoute = lazy(() => import('@/features/analytics/routes/AnalyticsRoute'));
const AuditRoute = lazy(() => import('@/features/audit/routes/AuditRoute'));
const AcceptInvitationRoute = lazy(() => import('@/features/auth/routes/AcceptInvitationRoute'));
const ForgotPasswordRoute = lazy(() => import('@/features/auth/routes/ForgotPasswordRoute'));
const ResetPasswordRoute = lazy(() => import('@/features/auth/routes/ResetPasswordRoute'));
const UnsubscribeRoute = lazy(() => import('@/features/preferences/routes/UnsubscribeRoute'));
const SettingsRoute = lazy(() => import('@/features/settings/routes/SettingsRoute'));
const NotificationsRoute = lazy(() => import('@/features/preferences/routes/NotificationsRoute'));
const ReminderSettingsRoute = lazy(() => import('@/features/reminders/routes/ReminderSettingsRoute'));
const EmailLogRoute = lazy(() => import('@/features/email-log/routes/EmailLogRoute'));
const EmailRoute = lazy(() => import('@/features/email-log/routes/EmailRoute'));
const SsoSettingsRoute = lazy(() => import('@/features/sso/routes/SsoSettingsRoute'));
const SsoSignInRoute = lazy(() => import('@/features/sso/routes/SsoSignInRoute'));
const ScimSettingsRoute = lazy(() => import('@/features/scim/routes/ScimSettingsRoute'));
const ApiTokensRoute = lazy(() => import('@/features/api-tokens/routes/ApiTokensRoute'));
const WebhooksSettingsRoute = lazy(() => import('@/features/webhooks/routes/WebhooksSettingsRoute'));
const WebhookRoute = lazy(() => import('@/features/webhooks/routes/WebhookRoute'));
const TwoFactorRoute = lazy(() => import('@/features/two-factor/routes/TwoFactorRoute'));
const SelfIdPublicRoute = lazy(() => import('@/features/self-id/routes/SelfIdPublicRoute'));
const SelfIdSettingsRoute = lazy(() => import('@/features/self-id/routes/SelfIdSettingsRoute'));
const QualificationSettingsRoute = lazy(() => import('@/features/qualification/routes/QualificationSettingsRoute'));
const NotFoundRoute = lazy(() => import('./NotFoundRoute'));

function Page({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="fullpage">
          <LoadingState />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

/**
 * What a route may carry in `handle`: `preload` runs once at start-up when the address is that
 * route's. Without it a cold load is a waterfall: the entry, then `/api/v1/me` (the app shell waits
 * for the session), only then the route's chunk, and only once that has rendered, its data request.
 * With it the chunk downloads beside `/me` and the data request goes out as soon as it can (see
 * preload.ts). On the screens people open first or from a link: the five Lighthouse audits.
 */
export interface RouteHandle {
  preload?: (context: PreloadContext) => Promise<unknown>;
}

/** The screen's chunk, and the data it will ask for first, if any. */
function preloadOf(
  screen: { preload: () => Promise<unknown> },
  data?: (context: PreloadContext) => Promise<unknown>,
): RouteHandle {
  return { preload: (context) => Promise.all([screen.preload(), data?.(context)]) };
}

/** Runs the preload of every route the address matches; a failure shows when the route renders. */
function preloadMatches(router: ReturnType<typeof createBrowserRouter>, queryClient: QueryClient) {
  const search = new URLSearchParams(router.state.location.search);
  for (const { route, params } of router.state.matches) {
    const handle = route.handle as RouteHandle | undefined;
    handle?.preload?.({ queryClient, params, search }).catch(() => undefined);
  }
}

export function createRouter(queryClient: QueryClient) {
  const router = createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          path: '/login',
          handle: preloadOf(LoginRoute),
          element: (
            <Page>
              <LoginRoute />
            </Page>
          ),
        },
        {
          path: '/signup',
          element: (
            <Page>
              <SignupRoute />
            </Page>
          ),
        },
        // Pages a link in an email opens, signed in or not.
        ...(
          [
            ['/accept-invitation', <AcceptInvitationRoute key="accept" />],
            ['/forgot-password', <ForgotPasswordRoute key="forgot" />],
            ['/reset-password', <ResetPasswordRoute key="reset" />],
            ['/unsubscribe', <UnsubscribeRoute key="unsubscribe" />],
            ['/sso', <SsoSignInRoute key="sso" />],
            ['/self-id/:token', <SelfIdPublicRoute key="self-id" />],
          ] as const
        ).map(([path, route]) => ({ path, element: <Page>{route}</Page> })),
        {
          path: '/',
          element: <AppShell />,
          children: [
            { index: true, element: <HomeRoute />, handle: preloadOf(HomeRoute, preloadHome) },
            { path: 'users', element: <UsersRoute /> },
            { path: 'openings', element: <OpeningsRoute /> },
            { path: 'openings/new', element: <NewOpeningRoute /> },
            { path: 'openings/:id', element: <OpeningRoute /> },
            { path: 'rubrics', element: <RubricsRoute /> },
            { path: 'rubrics/:id', element: <RubricRoute /> },
            { path: 'rubrics/:id/questions', element: <QuestionBankRoute /> },
            { path: 'red-flags', element: <ChecklistsRoute /> },
            { path: 'red-flags/:id', element: <ChecklistRoute /> },
            { path: 'candidates', element: <CandidatesRoute /> },
            { path: 'candidates/new', element: <NewCandidateRoute /> },
            { path: 'candidates/import', element: <ImportCandidatesRoute /> },
            { path: 'candidates/:id', element: <CandidateRoute /> },
            { path: 'candidates/:id/edit', element: <EditCandidateRoute /> },
            { path: 'openings/:id/pipeline', element: <PipelineRoute />, handle: preloadOf(PipelineRoute) },
            { path: 'applications/:id', element: <ApplicationRoute /> },
            { path: 'interviews', element: <MyInterviewsRoute /> },
            {
              path: 'interviews/:id',
              element: <InterviewRoute />,
              handle: preloadOf(InterviewRoute, preloadInterviewKit),
            },
            {
              path: 'applications/:id/debrief',
              element: <DebriefRoute />,
              handle: preloadOf(DebriefRoute, preloadDebrief),
            },
            { path: 'applications/:id/meeting', element: <MeetingRoute /> },
            { path: 'openings/:id/compare', element: <ComparisonRoute /> },
            { path: 'analytics/:view?', element: <AnalyticsRoute /> },
            { path: 'admin/audit', element: <AuditRoute /> },
            {
              path: 'settings',
              element: <SettingsRoute />,
              children: [
                { index: true, element: <Navigate to="/settings/notifications" replace /> },
                { path: 'notifications', element: <NotificationsRoute /> },
                { path: 'reminders', element: <ReminderSettingsRoute /> },
                { path: 'email-log', element: <EmailLogRoute /> },
                { path: 'email-log/:id', element: <EmailRoute /> },
                { path: 'two-factor', element: <TwoFactorRoute /> },
                { path: 'sso', element: <SsoSettingsRoute /> },
                { path: 'scim', element: <ScimSettingsRoute /> },
                { path: 'api-tokens', element: <ApiTokensRoute /> },
                { path: 'webhooks', element: <WebhooksSettingsRoute /> },
                { path: 'webhooks/:id', element: <WebhookRoute /> },
                { path: 'self-id', element: <SelfIdSettingsRoute /> },
                { path: 'qualification', element: <QualificationSettingsRoute /> },
              ],
            },
          ],
        },
        {
          path: '*',
          element: (
            <Page>
              <NotFoundRoute />
            </Page>
          ),
        },
      ],
    },
  ]);
  preloadMatches(router, queryClient);
  return router;
}
