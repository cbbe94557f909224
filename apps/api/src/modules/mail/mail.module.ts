import { Global, Module } from '@nestjs/common';
import { EmailLogService } from './email-log.service.js';
import { EmailsController } from './emails.controller.js';
import { MailRepository } from './mail.repository.js';
import { MailService } from './mail.service.js';
import { MailTransport } from './mail-transport.js';
import { MailWorker } from './mail.worker.js';

/** Email: the outbox (`emails`), its delivery worker, and the admins' Email log. */
@Global()
@Module({
  controllers: [EmailsController],
  providers: [MailRepository, MailService, MailTransport, MailWorker, EmailLogService],
  exports: [MailService],
})
export class MailModule {}
