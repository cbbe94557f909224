import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a key of at least thirty-two characters');

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('client-secret-123');
    const b = box.seal('client-secret-123');
    expect(a).not.toBe(b);
    expect(a).not.toContain('client-secret-123');
    expect(box.open(a)).toBe('client-secret-123');
    expect(box.open(b)).toBe('client-secret-123');
  });

  it('refuses a value sealed with another key, or altered', () => {
    const sealed = box.seal('totp-secret');
    expect(() => new SecretBox('another key of at least thirty-two chars').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => box.open('plain text')).toThrow('not a sealed secret');
  });
});
