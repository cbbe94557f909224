import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '@/components/ui/States';
import { AppShell } from './AppShell';
import { RouteError } from './RouteError';

// One chunk per route: a visitor on the sign-in page does not download the users screen.
const LoginRoute = lazy(() => import('@/features/auth/routes/LoginRoute'));
const SignupRoute = lazy(() => import('@/features/auth/routes/SignupRoute'));
const HomeRoute = lazy(() => import('@/features/home/routes/HomeRoute'));
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
const PipelineRoute = lazy(() => import('@/features/pipeline/routes/PipelineRoute'));
const ApplicationRoute = lazy(() => import('@/features/pipeline/routes/ApplicationRoute'));
const MyInterviewsRoute = lazy(() => import('@/features/scorecards/routes/MyInterviewsRoute'));
const InterviewRoute = lazy(() => import('@/features/scorecards/routes/InterviewRoute'));
const DebriefRoute = lazy(() => import('@/features/debriefs/routes/DebriefRoute'));
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

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          path: '/login',
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
            { index: true, element: <HomeRoute /> },
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
            { path: 'openings/:id/pipeline', element: <PipelineRoute /> },
            { path: 'applications/:id', element: <ApplicationRoute /> },
            { path: 'interviews', element: <MyInterviewsRoute /> },
            { path: 'interviews/:id', element: <InterviewRoute /> },
            { path: 'applications/:id/debrief', element: <DebriefRoute /> },
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
}
