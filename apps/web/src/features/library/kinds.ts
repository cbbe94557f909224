import type { ChecklistContent, RubricContent } from '@scorecard/contracts';
import { checklistApi, rubricApi, type DocApi, type LibraryKind } from './api/library-api';

/** The words and paths that differ between the rubric and the red-flag screens. */
export type KindConfig<C> = {
  kind: LibraryKind;
  docApi: DocApi<C>;
  /** Page title of the list, also the navigation label. */
  title: string;
  /** "rubric" / "red-flag checklist", for sentences. */
  noun: string;
  nounTitle: string;
  basePath: string;
  listDescription: string;
  emptyContent: () => C;
};

export const rubricKind: KindConfig<RubricContent> = {
  kind: 'rubric',
  docApi: rubricApi,
  title: 'Rubrics',
  noun: 'rubric',
  nounTitle: 'Rubric',
  basePath: '/rubrics',
  listDescription: 'What each role needs: competencies, the questions that test them, and what every rating means.',
  emptyContent: () => ({ competencies: [emptyCompetency()] }),
};

export const checklistKind: KindConfig<ChecklistContent> = {
  kind: 'checklist',
  docApi: checklistApi,
  title: 'Red flags',
  noun: 'red-flag checklist',
  nounTitle: 'Red-flag checklist',
  basePath: '/red-flags',
  listDescription: 'Warning signs interviewers watch for, and which of them rule a candidate out.',
  emptyContent: () => ({ items: [emptyRedFlag()] }),
};

export function emptyCriterion(): RubricContent['competencies'][number]['criteria'][number] {
  return {
    key: crypto.randomUUID(),
    title: '',
    prompt: '',
    probes: [],
    questionType: 'behavioural',
    whyLead: false,
    anchors: ['', '', '', ''],
  };
}

export function emptyCompetency(): RubricContent['competencies'][number] {
  return {
    key: crypto.randomUUID(),
    name: '',
    description: '',
    category: 'technical',
    weight: 1,
    criteria: [emptyCriterion()],
  };
}

export function emptyRedFlag(): ChecklistContent['items'][number] {
  return { key: crypto.randomUUID(), description: '', severity: 'concern' };
}
