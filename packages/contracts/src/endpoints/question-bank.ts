import { IdParams } from '../common.js';
import { MarkQuestionRequest, MarkQuestionResult, QuestionBank, QuestionBankQuery } from '../question-bank.js';
import { deciders, designers, endpointGroup } from './endpoint.js';

/** Question bank: question-level figures, retire / possibly leaked (issue 24 §4). */
export const questionBankEndpoints = endpointGroup({
  getQuestionBank: {
    method: 'get',
    path: '/api/v1/analytics/questions',
    summary:
      'Question bank: per question of a rubric, how often it was asked and rated, not assessed, agreement (alpha) and relation to the decision, with flags',
    tag: 'question bank',
    access: deciders,
    query: QuestionBankQuery,
    status: 200,
    response: QuestionBank,
  },
  markQuestion: {
    method: 'post',
    path: '/api/v1/rubrics/:id/question-marks',
    summary: 'Mark a question retired or possibly leaked: records the mark and takes the question out of the draft',
    tag: 'question bank',
    access: designers,
    params: IdParams,
    body: MarkQuestionRequest,
    status: 201,
    response: MarkQuestionResult,
  },
});
