import { Module } from '@nestjs/common';
import { CandidateActivityController } from './candidate-activity.controller.js';
import { CandidateActivityRepository } from './candidate-activity.repository.js';
import { CandidateActivityService } from './candidate-activity.service.js';
import { CandidatesController } from './candidates.controller.js';
import { CandidatesRepository } from './candidates.repository.js';
import { CandidatesService } from './candidates.service.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

@Module({
  imports: [WebhooksModule],
  controllers: [CandidatesController, CandidateActivityController],
  providers: [CandidatesRepository, CandidatesService, CandidateActivityRepository, CandidateActivityService],
  exports: [CandidatesService],
})
export class CandidatesModule {}
