import { Module } from '@nestjs/common';
import { OpeningsModule } from '../openings/openings.module.js';
import { CandidateImportsController } from './candidate-imports.controller.js';
import { CandidateImportsRepository } from './candidate-imports.repository.js';
import { CandidateImportsService } from './candidate-imports.service.js';

@Module({
  imports: [OpeningsModule],
  controllers: [CandidateImportsController],
  providers: [CandidateImportsRepository, CandidateImportsService],
})
export class CandidateImportsModule {}
