import { describe, expect, it } from '@jest/globals';
import { checkWebhookUrl, isPublicAddress, literalAddress, resolveWebhookHost } from './webhook-address.js';

describe('isPublicAddress (who production may send webhooks to)', () => {
  it.each([
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['169.254.0.1', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['0.1.2.3', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['192.0.2.10', false],
    ['::1', false],
    ['::', false],
    ['fc00::1', false],
    ['fd00:ec2::254', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['::127.0.0.1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2002:7f00:1::', false],
    ['2001:db8::1', false],
    ['not an address', false],
  ] as const)('%s → public: %p', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('literalAddress', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['example.com', null],
    ['localhost', null],
  ] as const)('%s → %p', (host, expected) => {
    expect(literalAddress(host)).toBe(expected);
  });
});

describe('checkWebhookUrl (when an endpoint is saved)', () => {
  it.each([
    ['https://hooks.example.com/x', false, null],
    ['http://hooks.example.com/x', false, 'Webhook addresses must use https.'],
    ['https://127.0.0.1/x', false, expect.stringContaining('127.0.0.1 is not a public address')],
    ['https://10.1.2.3/x', false, expect.stringContaining('10.1.2.3 is not a public address')],
    ['https://169.254.169.254/latest/meta-data', false, expect.stringContaining('169.254.169.254')],
    ['https://[::1]:8443/', false, expect.stringContaining('::1 is not a public address')],
    ['https://[::ffff:7f00:1]/', false, expect.stringContaining('is not a public address')],
    ['https://0x7f000001/', false, expect.stringContaining('127.0.0.1 is not a public address')],
    ['https://93.184.216.34/hook', false, null],
    ['https://localhost/hook', false, null],
    ['http://127.0.0.1:4000/x', true, null],
    ['ftp://example.com/', true, 'The address must be http(s).'],
  ] as const)('%s (private allowed: %p) → %p', (url, allowPrivate, expected) => {
    expect(checkWebhookUrl(url, allowPrivate)).toEqual(expected);
  });
});

describe('resolveWebhookHost (at delivery time, after DNS)', () => {
  it('refuses a name that resolves to loopback in strict mode', async () => {
    await expect(resolveWebhookHost('localhost', false)).resolves.toEqual({
      ok: false,
      error: expect.stringMatching(/^address refused: (127\.0\.0\.1|::1) is not public$/),
    });
  });

  it('allows it when private addresses are allowed, pinning the address it checked', async () => {
    const result = await resolveWebhookHost('localhost', true);
    expect(result.ok).toBe(true);
  });

  it('refuses a literal metadata address without asking DNS', async () => {
    await expect(resolveWebhookHost('169.254.169.254', false)).resolves.toEqual({
      ok: false,
      error: 'address refused: 169.254.169.254 is not public',
    });
  });
});
