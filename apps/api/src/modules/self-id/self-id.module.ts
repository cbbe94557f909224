import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { AdverseImpactService } from './adverse-impact.service.js';
import { AdverseImpactController, SelfIdController, SelfIdLinkController } from './self-id.controller.js';
import { SelfIdRepository } from './self-id.repository.js';
import { SelfIdService } from './self-id.service.js';

/**
 * Voluntary self-identification and the adverse-impact monitor (issue 24 §3): the questions, the
 * candidate's link and answers (kept apart from the candidate record), and the report that reads
 * them only in aggregate. `SelfIdService` is exported for the privacy module alone (the candidate's
 * own export, and erasure).
 */
@Module({
  imports: [CandidatesModule],
  controllers: [SelfIdController, SelfIdLinkController, AdverseImpactController],
  providers: [SelfIdRepository, SelfIdService, AdverseImpactService],
  exports: [SelfIdService],
})
export class SelfIdModule {}
