import { Module } from '@nestjs/common';

/** Question bank: question-level figures, retire / possibly leaked (issue 24 §4). */
@Module({})
export class QuestionBankModule {}
