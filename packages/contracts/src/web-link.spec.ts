import { describe, expect, it } from '@jest/globals';
import { CreateCandidateRequest, UpdateCandidateRequest } from './candidates.js';
import { WEB_LINK_MESSAGE, completeWebLink, isWebLink, webLink } from './web-link.js';

describe('a web link typed without https:// is completed, not refused', () => {
  it.each([
    ['example.com/x', 'https://example.com/x'],
    ['linkedin.com/in/ada-lovelace', 'https://linkedin.com/in/ada-lovelace'],
    ['www.example.com', 'https://www.example.com'],
    ['  github.com/ada  ', 'https://github.com/ada'],
    ['//talks.example.org/ada', 'https://talks.example.org/ada'],
    ['example.com:8080/x', 'https://example.com:8080/x'],
    ['blog.example.com?page=2#top', 'https://blog.example.com?page=2#top'],
    ['https://github.com/ada', 'https://github.com/ada'],
    ['http://example.com/old', 'http://example.com/old'],
    ['HTTPS://Example.com/A', 'HTTPS://Example.com/A'],
    ['', ''],
    ['   ', ''],
  ])('%j is stored as %j', (typed, stored) => {
    expect(completeWebLink(typed)).toBe(stored);
    expect(webLink().parse(typed)).toBe(stored);
  });
});

describe('what is no web address is still refused, with a message that says what to type', () => {
  it.each([
    ['hello', 'no host with a top-level domain'],
    ['not a link', 'spaces'],
    ['example .com', 'a space in the host'],
    ['javascript:alert(1)', 'a script, not a page'],
    ['mailto:ada@example.com', 'an email link'],
    ['ftp://files.example.com/cv.pdf', 'not http or https'],
    ['https://', 'no host'],
    ['https://ada:secret@example.com', 'a password in the link'],
    ['localhost:3000', 'no top-level domain'],
    ['192.168.0.1/admin', 'an address on a private network'],
    ['https://exa_mple.com', 'a character no host name has'],
  ])('%j (%s)', (typed) => {
    const result = webLink().safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([WEB_LINK_MESSAGE]);
    expect(isWebLink(completeWebLink(typed))).toBe(false);
  });

  it('counts the limit on the completed link', () => {
    const host = 'example.com/';
    const path = 'a'.repeat(500 - 'https://'.length - host.length);
    expect(webLink(500).parse(host + path)).toHaveLength(500);
    expect(webLink(500).safeParse(`${host}${path}a`).success).toBe(false);
  });
});

describe('candidate links use it on create and on update (API and web forms share the schema)', () => {
  it('completes every link of a new candidate', () => {
    const parsed = CreateCandidateRequest.parse({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      source: 'referral',
      links: {
        linkedin: 'linkedin.com/in/ada',
        github: 'https://github.com/ada',
        blog: '',
        talks: 'talks.example/ada',
      },
    });
    expect(parsed.links).toEqual({
      linkedin: 'https://linkedin.com/in/ada',
      github: 'https://github.com/ada',
      blog: '',
      talks: 'https://talks.example/ada',
    });
  });

  it('completes a link in a change, and refuses garbage at its path', () => {
    const parsed = UpdateCandidateRequest.parse({ links: { blog: 'ada.dev/posts' }, revision: 3 });
    expect(parsed.links?.blog).toBe('https://ada.dev/posts');
    const refused = UpdateCandidateRequest.safeParse({ links: { blog: 'not a link' }, revision: 3 });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['links.blog', WEB_LINK_MESSAGE]]);
  });
});
