import { describe, expect, it } from '@jest/globals';
import { formatFixed, roundHalfUp } from './rounding.js';

describe('roundHalfUp: half away from zero on the decimal digits as written', () => {
  it.each([
    [2.15, 1, 2.2],
    [2.25, 1, 2.3],
    [2.35, 1, 2.4],
    [2.05, 1, 2.1],
    [1.005, 2, 1.01],
    [2.14, 1, 2.1],
    [2.149999, 1, 2.1],
    [-2.15, 1, -2.2],
    [-0.04, 1, 0],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [3, 1, 3],
    [7 / 3, 2, 2.33],
    [2.1500000000000004, 1, 2.2],
    [1e-7, 1, 0],
  ])('%p to %p decimals is %p', (value, digits, expected) => {
    expect(roundHalfUp(value, digits)).toBe(expected);
  });

  it('a mean computed in floating point rounds as its decimal reading (0.1 + 0.2 + 0.15 = 0.45)', () => {
    expect(roundHalfUp(0.1 + 0.2 + 0.15, 1)).toBe(0.5);
  });

  it('never answers negative zero', () => {
    expect(Object.is(roundHalfUp(-0.01, 1), -0)).toBe(false);
  });

  it('rejects a number of digits it cannot honour', () => {
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });
});

describe('formatFixed', () => {
  it.each([
    [2.15, 1, '2.2'],
    [2.25, 1, '2.3'],
    [3, 1, '3.0'],
    [-0.25, 1, '-0.3'],
    [0.125, 2, '0.13'],
  ])('%p with %p decimals reads %p', (value, digits, expected) => {
    expect(formatFixed(value, digits)).toBe(expected);
  });
});
