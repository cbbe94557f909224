import { describe, expect, it } from '@jest/globals';
import { erasureTerms, personRedactor } from './erasure.js';

describe('erasureTerms: what identifies a person in free text', () => {
  it.each([
    ['a first and last name', 'Noor Haddad', ['noor@x.test', 'Noor Haddad', 'Noor', 'Haddad']],
    [
      'particles between them are not erased on their own',
      'Ana de la Cruz',
      ['noor@x.test', 'Ana de la Cruz', 'Ana', 'Cruz'],
    ],
    ['two-letter names count', 'Li Na', ['noor@x.test', 'Li Na', 'Li', 'Na']],
    ['an initial does not', 'J. Smith', ['noor@x.test', 'J. Smith', 'Smith']],
    ['a single name appears once', 'Cher', ['noor@x.test', 'Cher']],
    ['extra spaces are ignored', '  Noor   Haddad ', ['noor@x.test', 'Noor Haddad', 'Noor', 'Haddad']],
    ['a repeated part appears once', 'Anna Anna', ['noor@x.test', 'Anna Anna', 'Anna']],
    ['letters of any script count', 'Zoë Ó Sé', ['noor@x.test', 'Zoë Ó Sé', 'Zoë', 'Sé']],
  ])('%s', (_label, name, terms) => {
    expect(erasureTerms({ name, email: 'noor@x.test' })).toEqual(terms);
  });
});

describe('personRedactor: whole words, any letter case, everything else untouched', () => {
  const noor = personRedactor({ name: 'Noor Haddad', email: 'noor.haddad+cv@example.test' });

  it.each([
    ['the full name, once', 'Noor Haddad led it.', '[erased] led it.'],
    ['any letter case', 'NOOR HADDAD and noor and HaDdAd', '[erased] and [erased] and [erased]'],
    ['the name split over a line', 'Noor\n  Haddad agreed', '[erased] agreed'],
    ['a possessive', "Noor’s reference and Haddad's notes", "[erased]’s reference and [erased]'s notes"],
    ['the email, before its parts', 'Mail noor.haddad+cv@example.test today', 'Mail [erased] today'],
    ['the email in any case', 'NOOR.HADDAD+CV@EXAMPLE.TEST', '[erased]'],
    ['not inside other words', 'Noorani and Haddadi met at noon', 'Noorani and Haddadi met at noon'],
    ['not other text', 'A grounded lead.', 'A grounded lead.'],
  ])('%s', (_label, input, output) => {
    expect(noor.text(input)).toBe(output);
  });

  it('treats accented letters as letters, in any case', () => {
    const zoe = personRedactor({ name: 'Zoë Sé', email: 'zoe@x.io' });
    expect(zoe.text('Zoë met ZOË, Zoëlle and Zoë  Sé; SÉ wrote from ZOE@X.IO.')).toBe(
      '[erased] met [erased], Zoëlle and [erased]; [erased] wrote from [erased].',
    );
    expect(personRedactor({ name: 'Ana Silva', email: 'a@x.io' }).text('Anaïs, Banana, Ana.')).toBe(
      'Anaïs, Banana, [erased].',
    );
  });

  it('takes every character of a name literally', () => {
    const jo = personRedactor({ name: "Jo O'Brien-Smith", email: 'jo@x.io' });
    expect(jo.text("Met Jo O'Brien-Smith, then O'Brien-Smith alone; (Jo) too")).toBe(
      'Met [erased], then [erased] alone; ([erased]) too',
    );
    expect(jo.text('OBrien-Smith and Joe stay')).toBe('OBrien-Smith and Joe stay');
    const dots = personRedactor({ name: 'A.B. C*D', email: 'ab@x.io' });
    expect(dots.text('A.B. C*D, AxB. CD, C*D.')).toBe('[erased], AxB. CD, [erased].');
  });

  it('redacts every string value of a JSON document, never its keys', () => {
    expect(noor.json({ Noor: 'Noor was here', n: [1, 'haddad', true, null, { k: 'Noor Haddad' }], empty: {} })).toEqual(
      { Noor: '[erased] was here', n: [1, '[erased]', true, null, { k: '[erased]' }], empty: {} },
    );
  });
});
