import { describe, expect, it } from '@jest/globals';
import { groupedSecret, normalizeTotp, recoveryCodesText } from './two-factor-text';

describe('two-factor text helpers', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    [' 123456 ', '123456'],
    ['12345', null],
    ['1234567', null],
    ['abcdef', null],
  ])('reads the app code %j as %j', (typed, expected) => {
    expect(normalizeTotp(typed)).toBe(expected);
  });

  it('shows the setup key in groups of four, as apps ask for it', () => {
    expect(groupedSecret('QYKC2AJBQHB53QNF')).toBe('QYKC 2AJB QHB5 3QNF');
    expect(groupedSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('downloads the recovery codes one a line, with what they are for', () => {
    const text = recoveryCodesText(['k7pq-4mzt', 'abcd-2345']);
    expect(text.split('\n')).toEqual([
      'Scorecard recovery codes',
      'Each code signs you in once when you cannot use your authenticator app.',
      '',
      'k7pq-4mzt',
      'abcd-2345',
      '',
    ]);
  });
});
