import { describe, expect, test } from '@jest/globals';
import { formatBytes } from './format-bytes';

describe('file sizes', () => {
  test.each([
    [812, '812 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [14_541, '14.2 KB'],
    [2_516_582, '2.4 MB'],
  ])('%i bytes read "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
