import { Module } from '@nestjs/common';
import { LibraryModule } from '../library/library.module.js';
import { QuestionBankController } from './question-bank.controller.js';
import { QuestionBankRepository } from './question-bank.repository.js';
import { QuestionBankService } from './question-bank.service.js';

/**
 * Question bank (issue 24 §4): figures for each question of a rubric over its published versions
 * (counts in SQL, statistics and flags in the domain), and marking a question retired or possibly
 * leaked, which takes it out of the rubric's draft through the library's draft flow.
 */
@Module({
  imports: [LibraryModule],
  controllers: [QuestionBankController],
  providers: [QuestionBankRepository, QuestionBankService],
})
export class QuestionBankModule {}
