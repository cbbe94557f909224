import { RATING_LABELS, type CompetencyCategory, type QuestionType, type RubricContent } from '@scorecard/contracts';
import { diffRubric, type RubricChange } from '@scorecard/domain';

export const CATEGORY_LABELS: Record<CompetencyCategory, string> = {
  technical: 'Technical',
  leadership: 'Leadership',
  mentoring: 'Mentoring and development',
  communication: 'Communication and collaboration',
  other: 'Other',
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  behavioural: 'Behavioural',
  situational: 'Situational',
};

export const levelLabel = (index: number) => `${index + 1} · ${RATING_LABELS[index as 0 | 1 | 2 | 3]}`;

export const competencyName = (name: string | undefined, index: number) => name?.trim() || `Competency ${index + 1}`;
export const criterionName = (title: string | undefined, index: number) => title?.trim() || `Criterion ${index + 1}`;

const FIELD_WORDS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  category: 'Category',
  weight: 'Weight',
  criteria: 'Criteria',
  title: 'Title',
  prompt: 'Question',
  probes: 'Probes',
  questionType: 'Question type',
  whyLead: 'Why lead',
};

/** "Technical depth › Criterion 2 › Level 3 anchor", for a form path. */
export function describeRubricPath(content: RubricContent, path: string): string {
  const parts = path.split('.');
  if (parts[0] !== 'competencies' || parts.length < 2) return 'Competencies';
  const ci = Number(parts[1]);
  const competency = content.competencies[ci];
  const words = [competencyName(competency?.name, ci)];
  if (parts[2] === 'criteria' && parts.length >= 4) {
    const ri = Number(parts[3]);
    words.push(criterionName(competency?.criteria[ri]?.title, ri));
    if (parts[4] === 'anchors') words.push(`Level ${Number(parts[5]) + 1} anchor`);
    else if (parts[4]) words.push(FIELD_WORDS[parts[4]] ?? parts[4]);
  } else if (parts[2]) {
    words.push(FIELD_WORDS[parts[2]] ?? parts[2]);
  }
  return words.join(' › ');
}

const CHANGE_WORDS: Record<string, string> = {
  name: 'name',
  description: 'description',
  category: 'category',
  weight: 'weight',
  title: 'title',
  prompt: 'question',
  probes: 'follow-up probes',
  questionType: 'question type',
  whyLead: '“why lead” flag',
  anchors: 'rating anchors',
};

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const q = (text: string) => `“${text.trim() || 'Untitled'}”`;

/** Readable sentences for what changed between two versions ("Changed weight of “Technical depth” from 1 to 2"). */
export function rubricChangeSentences(before: RubricContent, after: RubricContent): string[] {
  const beforeComp = (name: string) => {
    const now = after.competencies.find((c) => c.name === name);
    return { now, then: now ? before.competencies.find((c) => c.key === now.key) : undefined };
  };
  return diffRubric(before, after).map((change: RubricChange) => {
    switch (change.kind) {
      case 'competency_added':
        return `Added competency ${q(change.competency)}`;
      case 'competency_removed':
        return `Removed competency ${q(change.competency)}`;
      case 'competency_changed': {
        const { now, then } = beforeComp(change.competency);
        const weight =
          change.fields.length === 1 && change.fields[0] === 'weight' && now && then
            ? ` from ${then.weight} to ${now.weight}`
            : '';
        return `Changed ${list(change.fields.map((f) => CHANGE_WORDS[f] ?? f))} of ${q(change.competency)}${weight}`;
      }
      case 'criterion_added':
        return `Added criterion ${q(change.criterion)} to ${q(change.competency)}`;
      case 'criterion_removed':
        return `Removed criterion ${q(change.criterion)} from ${q(change.competency)}`;
      case 'criterion_changed': {
        const { now, then } = beforeComp(change.competency);
        const crNow = now?.criteria.find((c) => c.title === change.criterion);
        const crThen = crNow ? then?.criteria.find((c) => c.key === crNow.key) : undefined;
        const fields = change.fields.map((f) => {
          if (f !== 'anchors' || !crNow || !crThen) return CHANGE_WORDS[f] ?? f;
          const levels = crNow.anchors.map((a, i) => (a !== crThen.anchors[i] ? i + 1 : 0)).filter((l) => l > 0);
          return levels.length === 1 ? `level ${levels[0]} anchor` : `anchors for levels ${list(levels.map(String))}`;
        });
        return `Changed ${list(fields)} of criterion ${q(change.criterion)} in ${q(change.competency)}`;
      }
      case 'reordered':
        return change.competency === null ? 'Reordered competencies' : `Reordered criteria in ${q(change.competency)}`;
    }
  });
}
