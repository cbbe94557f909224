/** What erasing a person puts in free text where their name or email was. */
export const ERASED_MARK = '[erased]';

/**
 * What identifies a person in free text when their data is erased: their email, their full name,
 * and their first and last names on their own. A name part needs at least two letters (an initial
 * such as "J." would blank every lone "j"). Longer terms come first, so "Noor Haddad" becomes one
 * "[erased]", not two.
 */
export function erasureTerms(person: { name: string; email: string }): string[] {
  const parts = person.name.trim().split(/\s+/).filter(Boolean);
  const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
  const candidates = [
    person.email.trim(),
    parts.join(' '),
    ...(parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : []),
  ];
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const [i, term] of candidates.entries()) {
    // The email is matched whatever it contains; names need two letters.
    if (!term || (i > 0 && letters(term) < 2)) continue;
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/**
 * A term as a whole-word, case-insensitive pattern: no letter, mark or digit may touch it where it
 * starts or ends with one (so erasing "Ana" leaves "Banana" and "Anaïs" alone), any run of
 * whitespace matches the spaces between its words, and everything else is literal.
 */
function termPattern(term: string): RegExp {
  const words = term.trim().split(/\s+/).filter(Boolean);
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+');
  const joined = words.join(' ');
  const start = WORD_CHAR.test(joined.charAt(0)) ? '(?<![\\p{L}\\p{M}\\p{N}_])' : '';
  const end = WORD_CHAR.test(joined.charAt(joined.length - 1)) ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
  return new RegExp(`${start}${body}${end}`, 'giu');
}

/** Replaces a person's name and email in free text. */
export interface Redactor {
  /** The text with every whole-word mention of the person replaced by "[erased]". */
  text(value: string): string;
  /** The same for every string value of a JSON document, at any depth; keys are left as they are. */
  json(value: unknown): unknown;
}

export function personRedactor(person: { name: string; email: string }): Redactor {
  const patterns = erasureTerms(person).map(termPattern);
  const text = (value: string) => patterns.reduce((s, p) => s.replace(p, ERASED_MARK), value);
  const json = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, json(v)]));
    }
    return value;
  };
  return { text, json };
}
