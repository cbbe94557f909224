import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretsModule } from './common/secret-box.js';
import { RequestPipeline } from './common/request-pipeline.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.js';
import { migrations } from './database/data-source.js';
import { DbModule } from './database/db.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { InterviewsModule } from './modules/interviews/interviews.module.js';
import { CandidateImportsModule } from './modules/candidate-imports/candidate-imports.module.js';
import { CandidatesModule } from './modules/candidates/candidates.module.js';
import { DebriefsModule } from './modules/debriefs/debriefs.module.js';
import { DecisionsModule } from './modules/decisions/decisions.module.js';
import { FilesModule } from './modules/files/files.module.js';
import { DebriefEventsModule } from './modules/events/debrief-events.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { HomeModule } from './modules/home/home.module.js';
import { LibraryModule } from './modules/library/library.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { OpeningsModule } from './modules/openings/openings.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { PrivacyModule } from './modules/privacy/privacy.module.js';
import { ScorecardsModule } from './modules/scorecards/scorecards.module.js';
import { SessionsModule } from './modules/sessions/sessions.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { QueueModule } from './modules/queue/queue.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { UserTokensModule } from './modules/tokens/user-tokens.service.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { RemindersModule } from './modules/reminders/reminders.module.js';
import { CalendarModule } from './modules/calendar/calendar.module.js';
import { PreferencesModule } from './modules/preferences/preferences.module.js';
import { DigestModule } from './modules/digests/digest.module.js';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import { IdempotencyModule } from './modules/idempotency/idempotency.module.js';
import { IntegrationsModule } from './modules/integrations/integrations.module.js';
import { MeetingsModule } from './modules/meetings/meetings.module.js';
import { CommitteePacketsModule } from './modules/committee-packets/committee-packets.module.js';
import { SelfIdModule } from './modules/self-id/self-id.module.js';
import { QuestionBankModule } from './modules/question-bank/question-bank.module.js';
import { QualificationModule } from './modules/qualification/qualification.module.js';
import { RateLimitsModule } from './modules/rate-limits/rate-limits.module.js';
import { SignInModule } from './modules/sign-in/sign-in.module.js';
import { SsoModule } from './modules/sso/sso.module.js';
import { ScimModule } from './modules/scim/scim.module.js';
import { TwoFactorModule } from './modules/two-factor/two-factor.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          migrations,
          migrationsTableName: 'typeorm_migrations',
          synchronize: false,
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 1000,
          extra: { max: config.dbPoolSize, connectionTimeoutMillis: 5000 },
        }),
        DbModule,
        SecretsModule,
        QueueModule,
        UserTokensModule,
        MailModule,
        HealthModule,
        MetricsModule,
        OrganizationsModule,
        SessionsModule,
        UsersModule,
        AuthModule,
        LibraryModule,
        OpeningsModule,
        CandidatesModule,
        FilesModule,
        CandidateImportsModule,
        ApplicationsModule,
        HomeModule,
        InterviewsModule,
        ScorecardsModule,
        DebriefsModule,
        DecisionsModule,
        DebriefEventsModule,
        AnalyticsModule,
        PrivacyModule,
        AuditModule,
        InvitationsModule,
        RemindersModule,
        CalendarModule,
        PreferencesModule,
        DigestModule,
        RateLimitsModule,
        SignInModule,
        TwoFactorModule,
        SsoModule,
        ScimModule,
        ApiTokensModule,
        WebhooksModule,
        IdempotencyModule,
        IntegrationsModule,
        MeetingsModule,
        CommitteePacketsModule,
        SelfIdModule,
        QuestionBankModule,
        QualificationModule,
      ],
      // Validation, the tenant transaction, idempotency and the audit log, in that order around
      // every handler: createApp hands it to Fastify, where `Route` finds it (common/request-pipeline.ts).
      providers: [RequestPipeline],
    };
  }
}
