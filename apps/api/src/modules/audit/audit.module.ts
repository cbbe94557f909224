import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditRecorder } from './audit-recorder.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/** The audit log: recorded for every write by `AuditRecorder` (a step of the request pipeline), read by admins. */
@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditRecorder],
  exports: [AuditService, AuditRecorder],
})
export class AuditModule {}
