import { describe, expect, it } from '@jest/globals';
import {
  guessImportField,
  IMPORT_FIELD_LABELS,
  IMPORT_TEMPLATE_FIELDS,
  ImportField as ImportFields,
  type ImportField,
  importTemplateCsv,
  type ImportRowValues,
  parseImportRow,
} from './candidate-import.js';
import type { CreateCandidateRequest } from './candidates.js';

const base: ImportRowValues = { name: 'Ada Lovelace', email: 'ada@example.test', source: 'LinkedIn' };

function candidate(values: ImportRowValues): CreateCandidateRequest {
  const result = parseImportRow({ ...base, ...values });
  if (!result.ok) throw new Error(`expected a candidate, got ${JSON.stringify(result.errors)}`);
  return result.candidate;
}

function errors(values: ImportRowValues) {
  const result = parseImportRow({ ...base, ...values });
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('guessImportField', () => {
  it.each<[string, ImportField | null]>([
    ['Name', 'name'],
    ['Full name', 'name'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['  EMAIL  ', 'email'],
    ['Mobile', 'phone'],
    ['Job title', 'currentTitle'],
    ['current_title', 'currentTitle'],
    ['Company', 'currentCompany'],
    ['LinkedIn URL', 'linkedin'],
    ['GitHub', 'github'],
    ['Website', 'blog'],
    ['Sourced from', 'source'],
    ['Is internal', 'internal'],
    ['Leadership signals', 'signals'],
    ['Career path', 'desiredCareerPath'],
    ['Coding share', 'desiredCodingSharePct'],
    ['desiredCodingSharePct', 'desiredCodingSharePct'],
    ['Currency', 'compensationCurrency'],
    ['Expected salary', 'compensationAmount'],
    ['Comments', 'notes'],
    ['Labels', 'tags'],
    ['Where from', 'source'],
    ['Origin', 'source'],
    ['Lead source', 'source'],
    ['Phone number', 'phone'],
    ['Phone no.', 'phone'],
    ['LinkedIn', 'linkedin'],
    ['LinkedIn profile URL', 'linkedin'],
    ['Work e-mail', 'email'],
    ['Company name', 'currentCompany'],
    ['Favourite colour', null],
    ['', null],
    ['---', null],
  ])('%j means %j', (header, field) => {
    expect(guessImportField(header)).toBe(field);
  });
});

describe('parseImportRow', () => {
  it('fills the defaults of a minimal row, trimmed and normalised', () => {
    expect(candidate({ name: '  Ada Lovelace ', email: ' Ada@Example.TEST ' })).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      phone: '',
      location: '',
      currentTitle: '',
      currentCompany: '',
      links: { linkedin: '', github: '', blog: '', talks: '' },
      source: 'linkedin',
      internal: false,
      signals: [],
      desiredCareerPath: 'undecided',
      desiredCodingSharePct: null,
      compensationExpectation: null,
      notes: '',
      tags: [],
    });
  });

  it.each([
    ['LinkedIn', 'linkedin'],
    ['linkedin', 'linkedin'],
    ['daily.dev', 'daily_dev'],
    ['daily_dev', 'daily_dev'],
    ['Internal promotion', 'internal_promotion'],
    ['internal_promotion', 'internal_promotion'],
    ['ENGINEERING BLOG', 'engineering_blog'],
  ])('source %j (label or value) is %j', (source, expected) => {
    expect(candidate({ source }).source).toBe(expected);
  });

  it.each([
    ['yes', true],
    ['Y', true],
    ['true', true],
    ['1', true],
    ['Internal', true],
    ['no', false],
    ['N', false],
    ['false', false],
    ['0', false],
    ['', false],
  ])('internal %j is %j', (internal, expected) => {
    expect(candidate({ internal }).internal).toBe(expected);
  });

  it.each([
    ['rust; go', ['rust', 'go']],
    ['rust, go', ['rust', 'go']],
    ['rust|go', ['rust', 'go']],
    [' Rust ;; Distributed Systems ,', ['rust', 'distributed systems']],
    ['', []],
  ])('tags %j are %j (split on ; , |)', (tags, expected) => {
    expect(candidate({ tags }).tags).toEqual(expected);
  });

  it('signals take labels or values in any of the separators', () => {
    expect(candidate({ signals: 'Mentors others; technical_writing | Conference talks' }).signals).toEqual([
      'mentoring',
      'technical_writing',
      'conference_talks',
    ]);
  });

  it.each([
    ['Technical', 'technical'],
    ['management', 'management'],
    ['', 'undecided'],
  ])('career path %j is %j', (desiredCareerPath, expected) => {
    expect(candidate({ desiredCareerPath }).desiredCareerPath).toBe(expected);
  });

  it.each([
    ['60%', 60],
    ['60', 60],
    [' 100 % ', 100],
    ['0', 0],
    ['', null],
  ])('coding share %j is %j', (desiredCodingSharePct, expected) => {
    expect(candidate({ desiredCodingSharePct }).desiredCodingSharePct).toBe(expected);
  });

  it.each([
    ['200,000', 'usd', { currency: 'USD', amountMinor: 20_000_000 }],
    ['200000', 'EUR', { currency: 'EUR', amountMinor: 20_000_000 }],
    ['95 000.50', 'GBP', { currency: 'GBP', amountMinor: 9_500_050 }],
    ['', '', null],
  ])('compensation %j %j is %j in minor units', (compensationAmount, compensationCurrency, expected) => {
    expect(candidate({ compensationAmount, compensationCurrency }).compensationExpectation).toEqual(expected);
  });

  it('links go to their own fields', () => {
    expect(candidate({ github: 'https://github.com/ada', talks: 'https://talks.example/ada' }).links).toEqual({
      linkedin: '',
      github: 'https://github.com/ada',
      blog: '',
      talks: 'https://talks.example/ada',
    });
  });

  it('a link without https:// is completed, as in the candidate form', () => {
    expect(candidate({ linkedin: 'linkedin.com/in/ada' }).links.linkedin).toBe('https://linkedin.com/in/ada');
  });

  it.each<[string, ImportRowValues, string, string | RegExp]>([
    ['missing name', { name: '  ' }, 'name', 'Enter a name.'],
    ['bad email', { email: 'ada-at-example' }, 'email', 'Enter a valid email address.'],
    ['missing source', { source: '' }, 'source', /^Use one of: Internal promotion, Referral/],
    ['unknown source', { source: 'Carrier pigeon' }, 'source', /daily\.dev/],
    ['unknown signal', { signals: 'mentoring; juggling' }, 'signals', /^Use any of: /],
    [
      'unknown career path',
      { desiredCareerPath: 'astronaut' },
      'desiredCareerPath',
      /^Use technical \(Staff, Principal, Distinguished Engineer\), management \(Engineering Manager, Director, VP Engineering\), executive \(CTO at a startup\)/,
    ],
    ['unclear internal', { internal: 'maybe' }, 'internal', 'Use yes or no.'],
    ['coding share over 100', { desiredCodingSharePct: '120%' }, 'desiredCodingSharePct', /0 to 100/],
    ['coding share not a number', { desiredCodingSharePct: 'most' }, 'desiredCodingSharePct', /0 to 100/],
    ['fractional coding share', { desiredCodingSharePct: '33.5' }, 'desiredCodingSharePct', /whole percentage/],
    ['bad linkedin', { linkedin: 'not a link' }, 'linkedin', /web address/],
    ['bad github', { github: 'ada' }, 'github', /http/],
    [
      'amount without currency',
      { compensationAmount: '200000' },
      'compensationCurrency',
      'Use a three-letter currency code, for example USD.',
    ],
    [
      'bad currency',
      { compensationAmount: '1', compensationCurrency: 'dollars' },
      'compensationCurrency',
      /three-letter/,
    ],
    ['currency without amount', { compensationCurrency: 'USD' }, 'compensationAmount', 'Use an amount such as 200000.'],
    [
      'amount not a number',
      { compensationAmount: 'lots', compensationCurrency: 'USD' },
      'compensationAmount',
      /200000/,
    ],
    ['bad tag', { tags: 'ok; #nope' }, 'tags', /letters, digits/],
  ])('%s is reported under the CSV field %j', (_case, values, path, message) => {
    const found = errors(values);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe(path);
    expect(found[0]!.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it('reports every bad field of a row once', () => {
    expect(
      errors({ name: '', email: 'nope', source: 'x', signals: 'a; b', tags: '#a; #b' }).map((e) => e.path),
    ).toEqual(['name', 'email', 'source', 'signals', 'tags']);
  });
});

describe('the CSV template', () => {
  const [header, example, ...rest] = importTemplateCsv().split('\r\n');

  it('has one column per field, each header mapping back to its own field', () => {
    const headers = header!.split(',');
    expect(headers).toEqual(IMPORT_TEMPLATE_FIELDS.map((f) => IMPORT_FIELD_LABELS[f]));
    expect(headers.map(guessImportField)).toEqual([...ImportFields.options]);
    expect(rest).toEqual(['']);
  });

  it('its example row is a valid candidate', () => {
    const cells = example!.split(',');
    const values = Object.fromEntries(IMPORT_TEMPLATE_FIELDS.map((f, i) => [f, cells[i] ?? '']));
    expect(parseImportRow(values).ok).toBe(true);
  });
});
