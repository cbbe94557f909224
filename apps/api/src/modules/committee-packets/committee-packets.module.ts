import { Module } from '@nestjs/common';

/** The hiring-committee packet as a PDF (issue 24 §2). */
@Module({})
export class CommitteePacketsModule {}
