import { Module } from '@nestjs/common';

/** Voluntary self-identification and the adverse-impact monitor (issue 24 §3). */
@Module({})
export class SelfIdModule {}
