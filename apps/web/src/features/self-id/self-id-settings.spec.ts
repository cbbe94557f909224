import { describe, expect, test } from '@jest/globals';
import { DEFAULT_SELF_ID_DIMENSIONS } from '@scorecard/contracts';
import { checkSettings, keyFromLabel, withKeys } from './self-id-settings';

describe('keys of new questions and answers', () => {
  test.each([
    ['a plain label', 'Veteran', [], 'veteran'],
    ['spaces and punctuation become one underscore', 'Protected veteran / other', [], 'protected_veteran_other'],
    ['accents are dropped', 'Métis', [], 'metis'],
    ['a leading digit gets a letter first', '2 or more', [], 'k_2_or_more'],
    ['a taken key gets a number', 'White', ['white'], 'white_2'],
    ['the reserved answer is never produced', 'Prefer not to say', [], 'prefer_not_to_say_2'],
    ['an empty label still gives a key', '', [], 'answer'],
  ])('%s', (_name, label, taken, key) => {
    expect(keyFromLabel(label, taken)).toBe(key);
  });

  test('existing keys never change; only new entries get one', () => {
    const edited = JSON.parse(JSON.stringify(DEFAULT_SELF_ID_DIMENSIONS)) as typeof DEFAULT_SELF_ID_DIMENSIONS;
    edited[1]!.categories[0]!.label = 'Woman';
    edited[1]!.categories.push({ key: '', label: 'Non-binary' });
    const [, sex] = withKeys(edited);
    expect(sex!.categories.map((c) => c.key)).toEqual(['female', 'male', 'another', 'non_binary']);
  });

  test('the form reports a blank label and two answers with one key, by field', () => {
    const edited = JSON.parse(JSON.stringify(DEFAULT_SELF_ID_DIMENSIONS)) as typeof DEFAULT_SELF_ID_DIMENSIONS;
    edited[0]!.label = '';
    edited[1]!.categories.push({ key: 'female', label: 'Woman' });
    expect(checkSettings(edited)).toEqual({
      'dimensions.0.label': 'Enter a label.',
      'dimensions.1.categories': 'Two categories have the same key.',
    });
    expect(checkSettings(DEFAULT_SELF_ID_DIMENSIONS)).toBeNull();
  });
});
