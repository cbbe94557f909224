import { describe, expect, it } from '@jest/globals';
import {
  anonymiser,
  candidateCode,
  candidateLabel,
  foldAccents,
  nameParts,
  neutralisePronouns,
  REDACTED,
  type AnonymiseSubject,
} from './anonymise.js';

const APP = '3f9a2c41-0d5e-4b7a-9c11-2e8f6a7b9d10';
const CODE = 'Candidate C-3F9A2';

describe('the candidate code', () => {
  it.each([
    [APP, 'C-3F9A2'],
    ['00000000-0000-4000-8000-000000000000', 'C-00000'],
    ['abcdef12-3456-4789-8abc-def012345678', 'C-ABCDE'],
  ])('application %s is %s, the same every time', (id, code) => {
    expect(candidateCode(id)).toBe(code);
    expect(candidateCode(id)).toBe(candidateCode(id));
    expect(candidateLabel(id)).toBe(`Candidate ${code}`);
  });
});

describe('the parts of a name that are looked for', () => {
  it.each([
    ['Zoë Chen-Ngô', ['Zoë Chen-Ngô', 'Chen-Ngô', 'Chen', 'Zoë', 'Ngô']],
    ['Łukasz Nowak', ['Łukasz Nowak', 'Łukasz', 'Nowak']],
    ['Madonna', ['Madonna']],
    // Initials are too short to find safely; "O'Brien" is also looked for as "Brien".
    ['J. Patrick O’Brien', ['J. Patrick O’Brien', 'Patrick', 'O’Brien', 'Brien']],
  ])('%s → %j', (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });
});

describe('accents folded for matching', () => {
  it.each([
    ['Zoë', 'Zoe'],
    ['Łukasz', 'Lukasz'],
    ['Ngô', 'Ngo'],
    ['Søren Strauß', 'Soren Strauss'],
    ['plain', 'plain'],
  ])('%s → %s', (from, to) => {
    expect(foldAccents(from)).toBe(to);
  });
});

describe('the name replaced by the candidate code', () => {
  const zoe = anonymiser({ applicationId: APP, name: 'Zoë Chen-Ngô' });
  it.each([
    ['Zoë Chen-Ngô led the design.', `${CODE} led the design.`],
    ['zoë chen-ngô led the design.', `${CODE} led the design.`],
    // A run of parts is one candidate, not two.
    ['Zoë Chen walked us through it.', `${CODE} walked us through it.`],
    ['I asked Zoë about it.', `I asked ${CODE} about it.`],
    ['Ms. Chen-Ngô answered.', `${CODE} answered.`],
    ['Dr Chen answered.', `${CODE} answered.`],
    // Possessives keep their ending.
    ['Zoë’s plan was clear.', `${CODE}’s plan was clear.`],
    ["Chen's plan was clear.", `${CODE}'s plan was clear.`],
    // Written without accents, or in capitals.
    ['Zoe Chen Ngo was calm.', `${CODE} was calm.`],
    ['ZOË was calm.', `${CODE} was calm.`],
    // Word boundaries, in any script: no part of another word is touched.
    ['Chenoweth and Zoëlle are other people.', 'Chenoweth and Zoëlle are other people.'],
    ['The kitchen is clean.', 'The kitchen is clean.'],
  ])('%s', (text, expected) => {
    expect(zoe(text)).toBe(expected);
  });

  it('finds a name that starts with a letter outside ASCII (Łukasz, Lukasz)', () => {
    const lukasz = anonymiser({ applicationId: APP, name: 'Łukasz Nowak' });
    expect(lukasz('Łukasz explained; then Lukasz and NOWAK’s team agreed.')).toBe(
      `${CODE} explained; then ${CODE} and ${CODE}’s team agreed.`,
    );
  });

  it('replaces a name part that is a common word only when capitalised (Will Young, "I will")', () => {
    const will = anonymiser({ applicationId: APP, name: 'Will Young' });
    expect(will('Will said he will own it; young teams need that. Young agreed.')).toBe(
      `${CODE} said they will own it; young teams need that. ${CODE} agreed.`,
    );
  });
});

describe('details other than the name', () => {
  const subject: AnonymiseSubject = {
    applicationId: APP,
    name: 'Zoë Chen-Ngô',
    currentCompany: 'Globex Inc.',
    email: 'zoe.chen@example.org',
    phone: '+1 (415) 555-0100',
    links: ['https://github.com/zoechenngo', 'https://www.linkedin.com/in/zoe-chen-ngo/', ''],
    terms: ['Stanford', 'MIT'],
  };
  const anon = anonymiser(subject);
  it.each([
    ['Reach me at zoe.chen@example.org.', `Reach me at ${REDACTED.email}.`],
    ['Any address: someone.else@corp.io', `Any address: ${REDACTED.email}`],
    ['Call 415 555 0100 after six.', `Call ${REDACTED.phone} after six.`],
    ['Call +1 415-555-0100.', `Call ${REDACTED.phone}.`],
    ['Another number: +44 20 7946 0958.', `Another number: ${REDACTED.phone}.`],
    // Years and counts are not phone numbers.
    ['From 2019 to 2023, 12 engineers.', 'From 2019 to 2023, 12 engineers.'],
    ['See https://github.com/zoechenngo/raft for code.', `See ${REDACTED.link} for code.`],
    ['See github.com/zoechenngo for code.', `See ${REDACTED.link} for code.`],
    ['As @zoechenngo on GitHub.', `As @${REDACTED.link} on GitHub.`],
    ['www.example.com/talk, and more.', `${REDACTED.link}, and more.`],
    ['At Globex she led payments.', `At ${REDACTED.company} they led payments.`],
    ['At globex inc. the team grew.', `At ${REDACTED.company} the team grew.`],
    ['Studied at Stanford, then MIT.', `Studied at ${REDACTED.term}, then ${REDACTED.term}.`],
    // Extra terms match whole words only.
    ['Admitted the limits of the plan.', 'Admitted the limits of the plan.'],
  ])('%s', (text, expected) => {
    expect(anon(text)).toBe(expected);
  });

  it('leaves an empty text empty and a text with nothing to hide as it was', () => {
    expect(anon('')).toBe('');
    expect(anon('Clear trade-offs, measured rollout.')).toBe('Clear trade-offs, measured rollout.');
  });

  it('ignores details the record leaves empty', () => {
    const bare = anonymiser({ applicationId: APP, name: 'Ana Ruiz', currentCompany: '', email: '', phone: '' });
    expect(bare('Ana Ruiz, 10 years at a startup.')).toBe(`${CODE}, 10 years at a startup.`);
  });
});

describe('gendered pronouns become singular they', () => {
  it.each([
    ['She led the migration.', 'They led the migration.'],
    ['he led it', 'they led it'],
    ['SHE LED IT', 'THEY LED IT'],
    ['I asked him twice.', 'I asked them twice.'],
    ['She did it herself; he did it himself.', 'They did it themselves; they did it themselves.'],
    ['The idea was hers, not his.', 'The idea was theirs, not theirs.'],
    ['His design was simple.', 'Their design was simple.'],
    // "her": a determiner before a noun, an object before a preposition, an article or punctuation.
    ['Her design was simple.', 'Their design was simple.'],
    ['I asked her about the outage.', 'I asked them about the outage.'],
    ['We told her the plan.', 'We told them the plan.'],
    ['I pushed her.', 'I pushed them.'],
    ['I met her again, and her team.', 'I met them again, and their team.'],
    // The verb right after agrees.
    ['She is calm and he was clear.', 'They are calm and they were clear.'],
    ['He has shipped; she does reviews.', 'They have shipped; they do reviews.'],
    ["She isn't sure; he doesn't know.", "They aren't sure; they don't know."],
    ["She's thorough.", 'They’re thorough.'],
    ["He's shipped twice.", 'They’ve shipped twice.'],
    ["She'll own it; he'd help.", 'They’ll own it; they’d help.'],
    // Other verbs keep their -s (documented), and no word that merely contains a pronoun changes.
    ['She explains well.', 'They explains well.'],
    ['The shed, the theme, the hero, the history.', 'The shed, the theme, the hero, the history.'],
  ])('%s', (text, expected) => {
    expect(neutralisePronouns(text)).toBe(expected);
  });
});
