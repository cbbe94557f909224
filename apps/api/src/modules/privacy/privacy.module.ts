import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { EventsModule } from '../events/events.module.js';
import { FilesModule } from '../files/files.module.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyService } from './privacy.service.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { SelfIdModule } from '../self-id/self-id.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

/** Exporting and erasing a candidate's personal data. */
@Module({
  imports: [CandidatesModule, EventsModule, FilesModule, MeetingsModule, SelfIdModule, WebhooksModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyService],
})
export class PrivacyModule {}
