import { Module } from '@nestjs/common';

/** Scorecard reminders and their escalation, on a schedule and on demand. */
@Module({})
export class RemindersModule {}
