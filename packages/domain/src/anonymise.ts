/**
 * Anonymising the hiring-committee packet (issue 24 §2): pure rules that take what identifies a
 * candidate out of free text (evidence, summaries, notes, rationale), so that a committee judges the
 * evidence and not the person. docs/SECURITY.md says what this does and does not hide.
 *
 * - The candidate's name, whole or in parts, becomes a stable code derived from the application id
 *   ("Candidate C-3F9A2"), with honorifics (Ms., Dr. ...) and possessives ("Zoë's" → "Candidate
 *   C-3F9A2's"). Matching ignores case and accents ("zoe" matches "Zoë", "Lukasz" matches "Łukasz")
 *   and respects word boundaries in any script ("Anna" is not found inside "Annalise"). A name part
 *   that is also a common English word ("Will", "Young") is replaced only when written with a
 *   capital, so "I will" stays.
 * - The current company (with or without a legal suffix such as Inc. or GmbH), the candidate's
 *   email, phone and links, any other email address or web address, and the extra terms the reader
 *   names (schools, former employers) become bracketed placeholders.
 * - Gendered pronouns become singular "they" (see `neutralisePronouns` for the rules).
 */

/** The code that stands for the candidate: "C-" and the first five hex digits of the application id, upper case. */
export function candidateCode(applicationId: string): string {
  const hex = applicationId.replace(/[^0-9a-f]/gi, '').slice(0, 5);
  return `C-${hex.toUpperCase()}`;
}

/** How the candidate is named in an anonymised packet: "Candidate C-3F9A2". */
export function candidateLabel(applicationId: string): string {
  return `Candidate ${candidateCode(applicationId)}`;
}

export const REDACTED = {
  company: '[current company]',
  email: '[email removed]',
  phone: '[phone removed]',
  link: '[link removed]',
  term: '[redacted]',
} as const;

/** What identifies the candidate, as the candidate record holds it, plus the reader's extra terms. */
export interface AnonymiseSubject {
  applicationId: string;
  name: string;
  currentCompany?: string;
  email?: string;
  phone?: string;
  /** The candidate's links (LinkedIn, GitHub, blog, talks); empty ones are ignored. */
  links?: readonly string[];
  /** More terms to replace (schools, former employers...), as the reader names them. */
  terms?: readonly string[];
}

/**
 * Common English words that are also names. A name part on this list is matched only when it starts
 * with a capital letter, so a candidate called Will Young does not turn "I will" into a code. The
 * capitalised word at the start of a sentence is still replaced: the safe side for anonymity.
 */
const COMMON_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'be',
  'by',
  'do',
  'for',
  'go',
  'he',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'so',
  'the',
  'to',
  'up',
  'us',
  'we',
  'am',
  'art',
  'ash',
  'bill',
  'bond',
  'brown',
  'can',
  'case',
  'cash',
  'chance',
  'clay',
  'cook',
  'dawn',
  'day',
  'dean',
  'drew',
  'fair',
  'faith',
  'field',
  'fish',
  'ford',
  'fox',
  'frank',
  'free',
  'gay',
  'glad',
  'gold',
  'good',
  'grace',
  'grant',
  'gray',
  'green',
  'grey',
  'guy',
  'hall',
  'hill',
  'holly',
  'hope',
  'hunt',
  'ivy',
  'jack',
  'joy',
  'june',
  'just',
  'king',
  'lane',
  'law',
  'lee',
  'little',
  'long',
  'love',
  'major',
  'mark',
  'march',
  'mason',
  'may',
  'mills',
  'miles',
  'moore',
  'more',
  'new',
  'noble',
  'north',
  'page',
  'park',
  'pat',
  'penny',
  'pierce',
  'price',
  'read',
  'reed',
  'rich',
  'river',
  'rose',
  'ruby',
  'sage',
  'shore',
  'short',
  'sky',
  'small',
  'stone',
  'storm',
  'strong',
  'summer',
  'sun',
  'sunny',
  'sweet',
  'tan',
  'true',
  'ward',
  'wells',
  'west',
  'white',
  'will',
  'wise',
  'wood',
  'woods',
  'young',
  'you',
]);

/** Letters and digits of any script, for word boundaries (JavaScript's `\b` knows ASCII only). */
const WORD = '[\\p{L}\\p{M}\\p{N}_]';
const BEFORE = `(?<!${WORD})`;
const AFTER = `(?!${WORD})`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Letters without their accents, and the few that do not decompose (ł, ø, ß, æ, œ, đ, ı). */
export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(
      /[łŁøØßæÆœŒđĐı]/g,
      (c) =>
        ({ ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ı: 'i' })[c]!,
    );
}

/** A pattern for a phrase: spaces and hyphens inside it match any run of spaces or hyphens. */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/[\s\-‐–]+/u)
    .map(escape)
    .join('[\\s\\-‐–]+');
}

/** The phrase and its accent-free spelling, when different. */
function spellings(phrase: string): string[] {
  const folded = foldAccents(phrase);
  return folded === phrase ? [phrase] : [phrase, folded];
}

/** Longest first, so a full name wins over its parts and "Chen-Ngô" over "Chen". */
const byLength = (a: string, b: string) => b.length - a.length;

/** The name's parts to look for: the whole name, each word, and each part of a hyphenated word. */
export function nameParts(name: string): string[] {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const parts = new Set<string>();
  if (words.length > 1) parts.add(words.join(' '));
  for (const w of words) {
    const word = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if ([...word].length >= 2) parts.add(word);
    for (const piece of word.split(/[-‐–'’]/u)) if ([...piece].length >= 2) parts.add(piece);
  }
  return [...parts].sort(byLength);
}

const HONORIFIC = '(?:(?:mr|mrs|ms|miss|mx|dr|prof)\\.?\\s+)?';

/**
 * A replacer of the candidate's name: each occurrence of the name or of any of its parts (with an
 * honorific before it, if any) becomes `label`, and a run of them ("Zoë Chen" of "Zoë Chen-Ngô")
 * one label. Parts that are common words match only capitalised; everything else ignores case and
 * accents.
 */
function nameReplacer(name: string, label: string): (text: string) => string {
  const parts = nameParts(name);
  if (parts.length === 0) return (t) => t;
  const all = [...new Set(parts.flatMap(spellings))].sort(byLength);
  const common = new Set(all.filter((p) => COMMON_WORDS.has(p.toLowerCase())).map((p) => p.toLowerCase()));
  const re = new RegExp(`${BEFORE}${HONORIFIC}(${all.map(phrasePattern).join('|')})${AFTER}`, 'giu');
  const run = new RegExp(`${escape(label)}(?:[\\s\\-‐–]+${escape(label)})+`, 'gu');
  return (text) =>
    text
      .replace(re, (m, part: string) => {
        const lowerCaseCommonWord = common.has(part.toLowerCase()) && part[0] === part[0]!.toLowerCase();
        return lowerCaseCommonWord ? m : label;
      })
      .replace(run, label);
}

/** The company without a legal suffix ("Acme Inc." → "Acme"), so both spellings are found. */
function companySpellings(company: string): string[] {
  const c = company.trim();
  if ([...c].length < 2) return [];
  const bare = c
    .replace(/[,\s]+(?:inc|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co|company)\.?$/iu, '')
    .trim();
  const names = new Set([c, ...([...bare].length >= 2 ? [bare] : [])]);
  return [...names].flatMap(spellings);
}

/** A replacer of any of `phrases` (ignoring case and accents, on word boundaries) by `placeholder`. */
function phraseReplacer(phrases: readonly string[], placeholder: string): (text: string) => string {
  const list = [...new Set(phrases.flatMap(spellings))].filter((p) => p.trim().length > 0).sort(byLength);
  if (list.length === 0) return (t) => t;
  // A phrase that starts or ends with a non-word character (".NET", "C++") cannot rely on a word boundary there.
  const re = new RegExp(
    list
      .map((p) => {
        const pre = new RegExp(`^${WORD}`, 'u').test(p) ? BEFORE : '';
        const post = new RegExp(`${WORD}$`, 'u').test(p) ? AFTER : '';
        return `${pre}${phrasePattern(p)}${post}`;
      })
      .join('|'),
    'giu',
  );
  return (text) => text.replace(re, placeholder);
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"]+[^\s<>()".,;:!?'’]/giu;

/** The candidate's links without their scheme ("github.com/zoechen"), and their last path segments as handles. */
function linkSpellings(links: readonly string[]): { bare: string[]; handles: string[] } {
  const bare: string[] = [];
  const handles: string[] = [];
  for (const link of links) {
    const l = link.trim();
    if (!l) continue;
    const noScheme = l
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/+$/, '');
    if (noScheme.length >= 4) bare.push(noScheme);
    const segments = noScheme.split('/').filter(Boolean);
    const last = segments.length > 1 ? segments.at(-1)! : '';
    // Only a handle-like segment (letters, digits, dot, dash, underscore), long enough to be unlikely prose.
    if (/^[\p{L}\p{N}._-]{4,}$/u.test(last) && !COMMON_WORDS.has(last.toLowerCase())) handles.push(last);
  }
  return { bare, handles };
}

/** A pattern for the phone's digits whatever the separators between them; null with fewer than 6 digits. */
function phonePattern(phone: string): RegExp | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return null;
  // The last 7+ digits are enough to recognise the number written without its country code.
  const tail = digits.slice(-Math.min(digits.length, 9));
  const sep = '[\\s().\\-]*';
  return new RegExp(`(?:\\+?[\\d\\s().\\-]*)?${tail.split('').join(sep)}(?!\\d)`, 'g');
}

/** An international phone number as people write them: a +, then at least 8 digits with separators. */
const PHONE = /\+\d[\d\s().-]{6,}\d/g;

/**
 * Gendered pronouns become singular "they", keeping the first letter's case (She → They, SHE → THEY):
 *
 * - he, she → they; him → them; himself, herself → themselves; hers → theirs.
 * - "his" before a word is a determiner ("his design" → "their design"); otherwise it stands alone
 *   ("the idea was his" → "theirs").
 * - "her" is a determiner ("her design" → "their design") when the next word is not one that follows
 *   an object (a preposition, a conjunction, an article, an adverb such as "again"): "asked her
 *   about it" → "asked them about it"; before punctuation or at the end it is an object → "them".
 *   This is a heuristic: "gave her books" reads "gave their books".
 * - The verb right after he/she agrees: is → are, was → were, has → have, does → do, and their
 *   negations (isn't → aren't...); he's → they're (they've before been, got, had or a past
 *   participle in -ed/-en); he'd → they'd; he'll → they'll. Other verbs keep their -s
 *   ("they explains"): grammar suffers a little, anonymity does not.
 */
export function neutralisePronouns(text: string): string {
  const verb: Record<string, string> = {
    is: 'are',
    was: 'were',
    has: 'have',
    does: 'do',
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
  };
  const apos = "['’]";
  let out = text.replace(
    new RegExp(`${BEFORE}(he|she)${apos}(s|d|ll)${AFTER}(\\s+(\\p{L}+))?`, 'giu'),
    (_m, p: string, suffix: string, rest: string | undefined, next: string | undefined) => {
      const they = matchCase(p, 'they');
      const s = suffix.toLowerCase();
      const after = rest ?? '';
      if (s === 'd') return `${they}’${matchCase(suffix, 'd')}${after}`;
      if (s === 'll') return `${they}’${matchCase(suffix, 'll')}${after}`;
      const perfect = next !== undefined && /^(been|got|had|gotten|\p{L}+ed|\p{L}+en)$/iu.test(next);
      return `${they}’${matchCase(suffix, perfect ? 've' : 're')}${after}`;
    },
  );
  out = out.replace(
    new RegExp(
      `${BEFORE}(he|she)(\\s+)(isn${apos}t|wasn${apos}t|hasn${apos}t|doesn${apos}t|is|was|has|does)${AFTER}`,
      'giu',
    ),
    (_m, p: string, space: string, v: string) => {
      const key = v.toLowerCase().replace('’', "'");
      return `${matchCase(p, 'they')}${space}${matchCase(v, verb[key]!.replace("'", v.includes('’') ? '’' : "'"))}`;
    },
  );
  out = out.replace(new RegExp(`${BEFORE}(he|she)${AFTER}`, 'giu'), (m) => matchCase(m, 'they'));
  out = out.replace(new RegExp(`${BEFORE}(himself|herself)${AFTER}`, 'giu'), (m) => matchCase(m, 'themselves'));
  out = out.replace(new RegExp(`${BEFORE}(hers)${AFTER}`, 'giu'), (m) => matchCase(m, 'theirs'));
  out = out.replace(new RegExp(`${BEFORE}(him)${AFTER}`, 'giu'), (m) => matchCase(m, 'them'));
  out = out.replace(
    new RegExp(`${BEFORE}(his|her)${AFTER}(?=(\\s+(\\p{L}+))?)`, 'giu'),
    (m: string, p: string, _rest: string | undefined, next: string | undefined) => {
      const determiner = next !== undefined && !FOLLOWS_AN_OBJECT.has(next.toLowerCase());
      if (p.toLowerCase() === 'his') return matchCase(m, determiner ? 'their' : 'theirs');
      return matchCase(m, determiner ? 'their' : 'them');
    },
  );
  return out;
}

/**
 * Words that follow a pronoun used as an object ("asked her about", "told him that", "saw her
 * again"), so "her" before them is "them", not "their".
 */
const FOLLOWS_AN_OBJECT = new Set([
  'about',
  'above',
  'across',
  'after',
  'again',
  'against',
  'along',
  'also',
  'among',
  'and',
  'around',
  'as',
  'at',
  'away',
  'back',
  'because',
  'before',
  'behind',
  'below',
  'beside',
  'between',
  'but',
  'by',
  'down',
  'during',
  'enough',
  'for',
  'from',
  'further',
  'here',
  'how',
  'if',
  'in',
  'into',
  'is',
  'last',
  'later',
  'less',
  'more',
  'much',
  'nor',
  'now',
  'of',
  'off',
  'on',
  'once',
  'or',
  'out',
  'over',
  'since',
  'so',
  'still',
  'than',
  'that',
  'the',
  'a',
  'an',
  'then',
  'there',
  'this',
  'these',
  'those',
  'through',
  'to',
  'today',
  'too',
  'under',
  'until',
  'up',
  'very',
  'was',
  'well',
  'what',
  'when',
  'where',
  'whether',
  'which',
  'while',
  'who',
  'why',
  'with',
  'without',
  'yet',
  'yesterday',
  'directly',
  'personally',
  'first',
  'twice',
  'explicitly',
  'any',
  'some',
  'all',
  'both',
  'each',
  'every',
  'no',
  'not',
  'my',
  'your',
  'our',
  'their',
  'its',
]);

/** `word` in the case of `like`: all capitals, a capital first letter, or lower case. */
function matchCase(like: string, word: string): string {
  const letters = like.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase();
  if (like[0] && like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase()) {
    return word[0]!.toUpperCase() + word.slice(1);
  }
  return word;
}

/**
 * The anonymiser of one candidate: a function that takes the identifying details out of one text.
 * Order matters and is fixed: addresses first (an email holds the name), then the candidate's
 * links and handles, the phone, the company and the extra terms, the name, and the pronouns last.
 */
export function anonymiser(subject: AnonymiseSubject): (text: string) => string {
  const label = candidateLabel(subject.applicationId);
  const email = subject.email?.trim() ?? '';
  const { bare, handles } = linkSpellings(subject.links ?? []);
  const phone = phonePattern(subject.phone ?? '');
  const replaceLinks = phraseReplacer(bare, REDACTED.link);
  const replaceHandles = phraseReplacer(handles, REDACTED.link);
  const replaceCompany = phraseReplacer(companySpellings(subject.currentCompany ?? ''), REDACTED.company);
  const replaceTerms = phraseReplacer(
    (subject.terms ?? []).map((t) => t.trim()).filter((t) => [...t].length >= 2),
    REDACTED.term,
  );
  const replaceName = nameReplacer(subject.name, label);
  return (text) => {
    if (!text) return text;
    let t = text;
    if (email) t = t.split(email).join(REDACTED.email);
    t = t.replace(EMAIL, REDACTED.email);
    t = t.replace(URL, REDACTED.link);
    t = replaceLinks(t);
    t = replaceHandles(t);
    if (phone) t = t.replace(phone, (m) => leadingSpace(m) + REDACTED.phone);
    t = t.replace(PHONE, REDACTED.phone);
    t = replaceCompany(t);
    t = replaceTerms(t);
    t = replaceName(t);
    return neutralisePronouns(t);
  };
}

/** The whitespace a phone match swallowed before its first digit, given back. */
function leadingSpace(match: string): string {
  return /^\s+/.exec(match)?.[0] ?? '';
}
