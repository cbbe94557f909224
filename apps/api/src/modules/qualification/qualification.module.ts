import { Module } from '@nestjs/common';

/** Interviewer qualification: shadowing, reverse-shadowing, qualified (issue 24 §5). */
@Module({})
export class QualificationModule {}
