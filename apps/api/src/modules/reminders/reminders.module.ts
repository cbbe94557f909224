import { Module } from '@nestjs/common';
import { RemindersController } from './reminders.controller.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';

/**
 * Scorecard reminders and their escalation, on a schedule (every minute, on the
 * `scorecardReminders` queue) and on demand ("remind now"); the organization's reminder settings.
 */
@Module({
  controllers: [RemindersController],
  providers: [RemindersRepository, RemindersService],
  exports: [RemindersService],
})
export class RemindersModule {}
