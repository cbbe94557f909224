/** What changed between two versions of a rubric, shown before publishing. Matches by stable keys. */
export interface DiffCriterion {
  key: string;
  title: string;
  prompt: string;
  probes: readonly string[];
  questionType: string;
  whyLead: boolean;
  anchors: readonly string[];
}
export interface DiffCompetency {
  key: string;
  name: string;
  description: string;
  category: string;
  weight: number;
  criteria: readonly DiffCriterion[];
}

export type RubricChange =
  | { kind: 'competency_added' | 'competency_removed'; competency: string }
  | { kind: 'competency_changed'; competency: string; fields: string[] }
  | { kind: 'criterion_added' | 'criterion_removed'; competency: string; criterion: string }
  | { kind: 'criterion_changed'; competency: string; criterion: string; fields: string[] }
  | { kind: 'reordered'; competency: string | null };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((f) => !same(a[f], b[f])).map(String);
}

export function diffRubric(
  before: { competencies: readonly DiffCompetency[] },
  after: { competencies: readonly DiffCompetency[] },
): RubricChange[] {
  const changes: RubricChange[] = [];
  const beforeByKey = new Map(before.competencies.map((c) => [c.key, c]));
  const afterKeys = new Set(after.competencies.map((c) => c.key));
  for (const c of after.competencies) {
    const old = beforeByKey.get(c.key);
    if (!old) {
      changes.push({ kind: 'competency_added', competency: c.name });
      continue;
    }
    const fields = changedFields(old, c, ['name', 'description', 'category', 'weight']);
    if (fields.length) changes.push({ kind: 'competency_changed', competency: c.name, fields });
    const oldCriteria = new Map(old.criteria.map((cr) => [cr.key, cr]));
    const newKeys = new Set(c.criteria.map((cr) => cr.key));
    for (const cr of c.criteria) {
      const prev = oldCriteria.get(cr.key);
      if (!prev) changes.push({ kind: 'criterion_added', competency: c.name, criterion: cr.title });
      else {
        const f = changedFields(prev, cr, ['title', 'prompt', 'probes', 'questionType', 'whyLead', 'anchors']);
        if (f.length) changes.push({ kind: 'criterion_changed', competency: c.name, criterion: cr.title, fields: f });
      }
    }
    for (const prev of old.criteria) {
      if (!newKeys.has(prev.key))
        changes.push({ kind: 'criterion_removed', competency: c.name, criterion: prev.title });
    }
    const kept = c.criteria.filter((cr) => oldCriteria.has(cr.key)).map((cr) => cr.key);
    const keptBefore = old.criteria.filter((cr) => newKeys.has(cr.key)).map((cr) => cr.key);
    if (!same(kept, keptBefore)) changes.push({ kind: 'reordered', competency: c.name });
  }
  for (const old of before.competencies) {
    if (!afterKeys.has(old.key)) changes.push({ kind: 'competency_removed', competency: old.name });
  }
  const kept = after.competencies.filter((c) => beforeByKey.has(c.key)).map((c) => c.key);
  const keptBefore = before.competencies.filter((c) => afterKeys.has(c.key)).map((c) => c.key);
  if (!same(kept, keptBefore)) changes.push({ kind: 'reordered', competency: null });
  return changes;
}
