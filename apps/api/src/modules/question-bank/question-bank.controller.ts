import { controller } from '../../common/controller.js';
import { QuestionBankService } from './question-bank.service.js';

export const QuestionBankController = controller('QuestionBankController', QuestionBankService, {
  getQuestionBank: (bank, caller, { query }) => bank.figures(caller, query.rubricId),
  markQuestion: (bank, caller, { params, body }) => bank.mark(caller, params.id, body),
});
