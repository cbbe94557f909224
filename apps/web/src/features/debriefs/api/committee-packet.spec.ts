import { describe, expect, it } from '@jest/globals';
import { committeePacketPath } from '@scorecard/contracts';
import { packetFileName } from './committee-packet';

describe('the committee packet’s file name, from Content-Disposition', () => {
  it.each([
    // The UTF-8 form wins, so an accented name survives.
    [
      `attachment; filename="committee-packet-zo_-chen-ng_.pdf"; filename*=UTF-8''committee-packet-zo%C3%AB-chen-ng%C3%B4.pdf`,
      'committee-packet-zoë-chen-ngô.pdf',
    ],
    ['attachment; filename="committee-packet-C-3F9A2.pdf"', 'committee-packet-C-3F9A2.pdf'],
    // A broken encoding falls back to the plain name; no header, to a generic one.
    [`attachment; filename="plain.pdf"; filename*=UTF-8''%E0%A4%A.pdf`, 'plain.pdf'],
    [null, 'committee-packet.pdf'],
  ])('%s → %s', (header, name) => {
    expect(packetFileName(header)).toBe(name);
  });
});

describe('the packet’s address', () => {
  const id = '3f9a2c41-0d5e-4b7a-9c11-2e8f6a7b9d10';
  it.each([
    [{}, `/api/v1/applications/${id}/packet.pdf`],
    [{ anonymise: true }, `/api/v1/applications/${id}/packet.pdf?anonymise=true`],
    [
      { anonymise: true, redact: ['Stanford', 'MIT'] },
      `/api/v1/applications/${id}/packet.pdf?anonymise=true&redact=Stanford%2CMIT`,
    ],
    // Terms go only with an anonymised packet (the API refuses them otherwise).
    [{ anonymise: false, redact: ['Stanford'] }, `/api/v1/applications/${id}/packet.pdf`],
  ])('%j → %s', (options, path) => {
    expect(committeePacketPath(id, options)).toBe(path);
  });
});
