import { Module } from '@nestjs/common';
import { DigestRepository } from './digest.repository.js';
import { DigestService } from './digest.service.js';

/** The hiring managers' daily digest (the `digests` queue, every 15 minutes). */
@Module({
  providers: [DigestRepository, DigestService],
  exports: [DigestService],
})
export class DigestModule {}
