import { describe, expect, it } from '@jest/globals';
import { unstorableText } from './validate-input.js';

describe('unstorableText', () => {
  it('names the path of each string PostgreSQL cannot store (NUL, an unpaired surrogate), in order', () => {
    expect(unstorableText({ a: 'fine', b: { c: 'x\u0000y' }, d: ['ok', '\ud800'] }, 'body')).toEqual([
      { path: 'b.c', message: 'Remove the NUL or unpaired surrogate character.' },
      { path: 'd.1', message: 'Remove the NUL or unpaired surrogate character.' },
    ]);
    expect(unstorableText('\u0000', 'query')).toEqual([
      { path: '(query)', message: 'Remove the NUL or unpaired surrogate character.' },
    ]);
  });

  it('walks a value nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const found = unstorableText(deep, 'body');
    expect(found).toHaveLength(1);
    expect(found[0]!.path.split('.')).toHaveLength(100_000);
  });
});
