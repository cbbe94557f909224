import { type SelfIdDimension, UpdateSelfIdSettingsRequest } from '@scorecard/contracts';

/** A key from a label: lower-case letters, digits and underscores, starting with a letter, unique among `taken`. */
export function keyFromLabel(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(?=[0-9])/, 'k_')
      .slice(0, 36) || 'answer';
  const key = base === 'prefer_not_to_say' ? 'prefer_not_to_say_2' : base;
  if (!taken.includes(key)) return key;
  for (let n = 2; ; n++) if (!taken.includes(`${key}_${n}`)) return `${key}_${n}`;
}

/** New questions and categories get their key from their label when saved; existing keys never change. */
export function withKeys(dimensions: SelfIdDimension[]): SelfIdDimension[] {
  const dimensionKeys = dimensions.map((d) => d.key).filter(Boolean);
  return dimensions.map((d) => {
    const key = d.key || keyFromLabel(d.label, dimensionKeys);
    if (!d.key) dimensionKeys.push(key);
    const categoryKeys = d.categories.map((c) => c.key).filter(Boolean);
    const categories = d.categories.map((c) => {
      if (c.key) return c;
      const k = keyFromLabel(c.label, categoryKeys);
      categoryKeys.push(k);
      return { ...c, key: k };
    });
    return { ...d, key, categories };
  });
}

/** The form's errors by field path (`dimensions.0.categories.1.label`), or null when it can be saved. */
export function checkSettings(dimensions: SelfIdDimension[]): Record<string, string> | null {
  const parsed = UpdateSelfIdSettingsRequest.safeParse({ dimensions: withKeys(dimensions) });
  if (parsed.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}
