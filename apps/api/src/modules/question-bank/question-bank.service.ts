import { Inject, Injectable } from '@nestjs/common';
import type {
  MarkQuestionRequest,
  MarkQuestionResult,
  QuestionBank,
  QuestionFigures,
  RubricContent,
} from '@scorecard/contracts';
import {
  AGREEMENT_FLOOR,
  MIN_ALPHA_UNITS,
  MIN_DECIDED_RATINGS,
  MIN_QUESTION_RATINGS,
  questionFigures,
  removeQuestion,
  SEPARATES_NOBODY_SHARE,
  type QuestionCounts,
} from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { RUBRICS, type RubricsService } from '../library/library.tokens.js';
import { QuestionBankRepository, type MarkRow, type RubricVersionContent } from './question-bank.repository.js';

const NO_COUNTS: QuestionCounts = {
  asked: 0,
  distribution: [0, 0, 0, 0],
  shapes: [],
  hired: [0, 0, 0, 0],
  notHired: [0, 0, 0, 0],
};

interface CatalogQuestion {
  criterionKey: string;
  title: string;
  prompt: string;
  versions: number[];
}
interface CatalogCompetency {
  key: string;
  name: string;
  weight: number;
  questions: Map<string, CatalogQuestion>;
}

/**
 * The questions of a rubric's published versions, merged by key: a question is one criterion key
 * whatever version holds it. Versions are read newest first, so a question (and a competency) takes
 * its wording from the newest version that holds it and sits in that version's order; questions
 * only older versions hold follow, in their own order, in the competency they were last in.
 */
function catalog(published: readonly RubricVersionContent[]): CatalogCompetency[] {
  const competencies = new Map<string, CatalogCompetency>();
  const seen = new Map<string, CatalogQuestion>();
  for (const v of published) {
    for (const c of v.content.competencies) {
      let competency = competencies.get(c.key);
      if (!competency) {
        competency = { key: c.key, name: c.name, weight: c.weight, questions: new Map() };
        competencies.set(c.key, competency);
      }
      for (const cr of c.criteria) {
        const known = seen.get(cr.key);
        if (known) {
          known.versions.push(v.version);
          continue;
        }
        const q = { criterionKey: cr.key, title: cr.title, prompt: cr.prompt, versions: [v.version] };
        seen.set(cr.key, q);
        competency.questions.set(cr.key, q);
      }
    }
  }
  return [...competencies.values()].filter((c) => c.questions.size > 0);
}

const holds = (content: RubricContent | undefined, criterionKey: string) =>
  content?.competencies.some((c) => c.criteria.some((cr) => cr.key === criterionKey)) ?? false;

function titleIn(versions: readonly RubricVersionContent[], criterionKey: string): string | null {
  for (const v of versions) {
    for (const c of v.content.competencies) {
      const found = c.criteria.find((cr) => cr.key === criterionKey);
      if (found) return found.title.trim() || 'This question';
    }
  }
  return null;
}

const markOut = (m: MarkRow) => ({ id: m.id, kind: m.kind, note: m.note, markedBy: m.markedBy, markedAt: m.markedAt });

/**
 * The question bank of a rubric: SQL counts per question (asked, levels, agreement units, ratings
 * by decision), the domain's figures and flags from them; and marking a question retired or
 * possibly leaked, which takes it out of the rubric's draft through the library's own draft flow.
 */
@Injectable()
export class QuestionBankService {
  constructor(
    private readonly repo: QuestionBankRepository,
    @Inject(RUBRICS) private readonly rubrics: RubricsService,
  ) {}

  /** Three queries after the rubric is found (404 when it is not the organization's). */
  async figures(caller: Caller, rubricId: string): Promise<QuestionBank> {
    const rubric = await this.repo.rubric(caller.organizationId, rubricId);
    if (!rubric) throw AppError.notFound('rubric');
    const [{ published, draft }, counts, marks] = await Promise.all([
      this.repo.versions(caller.organizationId, rubricId),
      this.repo.counts(caller.organizationId, caller.userId, rubricId),
      this.repo.marks(caller.organizationId, rubricId),
    ]);
    const latest = published[0];
    return {
      rubric,
      versions: published.map((v) => ({ id: v.id, version: v.version })).reverse(),
      draft: draft ? { id: draft.id, version: draft.version } : null,
      scorecards: counts.scorecards,
      thresholds: {
        ratings: MIN_QUESTION_RATINGS,
        separatesNobodyShare: SEPARATES_NOBODY_SHARE,
        alphaUnits: MIN_ALPHA_UNITS,
        agreementFloor: AGREEMENT_FLOOR,
        decidedRatings: MIN_DECIDED_RATINGS,
      },
      competencies: catalog(published).map((c) => ({
        key: c.key,
        name: c.name,
        weight: c.weight,
        questions: [...c.questions.values()].map((q): QuestionFigures => {
          const f = questionFigures(counts.questions.get(q.criterionKey) ?? NO_COUNTS);
          return {
            criterionKey: q.criterionKey,
            title: q.title,
            prompt: q.prompt,
            versions: [...q.versions].sort((a, b) => a - b),
            inLatestVersion: holds(latest?.content, q.criterionKey),
            inDraft: draft ? holds(draft.content, q.criterionKey) : null,
            ...f,
            distribution: [...f.distribution],
            marks: marks.filter((m) => m.criterionKey === q.criterionKey).map(markOut),
          };
        }),
      })),
    };
  }

  /**
   * Marks a question and takes it out of the rubric's draft (the draft the library would open for
   * editing: the existing one, or a new one from the latest version). The question must be one of
   * the rubric's (any version, 404 otherwise); the last question of a competency is refused (422
   * `last_criterion`), and nothing is kept: the request's transaction rolls back a draft it started.
   */
  async mark(caller: Caller, rubricId: string, body: MarkQuestionRequest): Promise<MarkQuestionResult> {
    const rubric = await this.repo.rubric(caller.organizationId, rubricId);
    if (!rubric) throw AppError.notFound('rubric');
    const { published, draft: existing } = await this.repo.versions(caller.organizationId, rubricId);
    const title = titleIn(existing ? [existing, ...published] : published, body.criterionKey);
    if (title === null) throw AppError.notFound('question in this rubric');

    const draft = await this.rubrics.startDraft(caller, rubricId);
    const removal = removeQuestion(draft.content, body.criterionKey);
    if (removal.outcome === 'last_criterion') {
      throw new AppError(
        'last_criterion',
        `“${title}” is the only question of ${removal.competency.trim() || 'its competency'}, and a competency needs at least one. Add another question to it in the draft first, or remove the whole competency there.`,
      );
    }
    if (removal.outcome === 'removed') {
      await this.rubrics.saveDraft(caller, draft.id, removal.content, draft.revision);
    }
    const mark = await this.repo.upsertMark({
      organizationId: caller.organizationId,
      rubricId,
      criterionKey: body.criterionKey,
      kind: body.kind,
      note: body.note,
      draftVersionId: draft.id,
      markedBy: caller.userId,
    });
    return {
      mark: markOut(mark),
      draft: { id: draft.id, version: draft.version },
      removedFromDraft: removal.outcome === 'removed',
    };
  }
}
