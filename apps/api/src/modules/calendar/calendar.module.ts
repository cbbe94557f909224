import { Module } from '@nestjs/common';

/** Calendar invitations by email and each user's private calendar feed. */
@Module({})
export class CalendarModule {}
