import { Module } from '@nestjs/common';
import { CandidatesController } from './candidates.controller.js';
import { CandidatesRepository } from './candidates.repository.js';
import { CandidatesService } from './candidates.service.js';

@Module({
  controllers: [CandidatesController],
  providers: [CandidatesRepository, CandidatesService],
  exports: [CandidatesService],
})
export class CandidatesModule {}
