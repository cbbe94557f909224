import { Module } from '@nestjs/common';

/** Debrief meetings: two silent rounds of votes around a discussion (issue 24 §1). */
@Module({})
export class MeetingsModule {}
