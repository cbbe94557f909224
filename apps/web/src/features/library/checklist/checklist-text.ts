import type { ChecklistContent, Severity } from '@scorecard/contracts';

export const SEVERITY_LABELS: Record<Severity, string> = {
  concern: 'Concern',
  dealbreaker: 'Dealbreaker',
};

export const SEVERITY_HINTS: Record<Severity, string> = {
  concern: 'Worth discussing in the debrief.',
  dealbreaker: 'Marks the application wherever it is shown.',
};

export const redFlagName = (description: string | undefined, index: number) => {
  const text = description?.trim();
  if (!text) return `Red flag ${index + 1}`;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** "Red flag 3 › Description", for a form path. */
export function describeChecklistPath(content: ChecklistContent, path: string): string {
  const [, index, field] = path.split('.');
  if (index === undefined) return 'Red flags';
  const i = Number(index);
  return [`Red flag ${i + 1}`, field === 'description' ? 'Description' : field].filter(Boolean).join(' › ');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What changed since the last published version, counted by the items' stable keys. */
export function checklistChangeSentences(before: ChecklistContent, after: ChecklistContent): string[] {
  const old = new Map(before.items.map((item) => [item.key, item]));
  const keys = new Set(after.items.map((item) => item.key));
  const added = after.items.filter((item) => !old.has(item.key)).length;
  const removed = before.items.filter((item) => !keys.has(item.key)).length;
  const changed = after.items.filter((item) => {
    const prev = old.get(item.key);
    return prev && (prev.description !== item.description || prev.severity !== item.severity);
  }).length;
  const kept = after.items.filter((item) => old.has(item.key)).map((item) => item.key);
  const keptBefore = before.items.filter((item) => keys.has(item.key)).map((item) => item.key);
  const sentences: string[] = [];
  if (added) sentences.push(`${plural(added, 'red flag', 'red flags')} added`);
  if (removed) sentences.push(`${plural(removed, 'red flag', 'red flags')} removed`);
  if (changed) sentences.push(`${plural(changed, 'red flag', 'red flags')} changed`);
  if (kept.join() !== keptBefore.join()) sentences.push('Red flags reordered');
  return sentences;
}
