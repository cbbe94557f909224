import { z } from 'zod';

/** A scheme at the start ("https:", "mailto:", "javascript:"). */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** A host with a port, which looks like a scheme but is not one ("example.com:8080/x", "localhost:3000"). */
const HOST_AND_PORT = /^[^\s/:?#@]+:\d+(?:[/?#]|$)/;
/** A registered name: dot-separated labels ending in a top-level domain (punycode once parsed). */
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/**
 * Completes a web link as people type it: "linkedin.com/in/ada" and "www.example.com" get
 * "https://", "//example.com/x" gets "https:"; a link that already has a scheme (http, https, or
 * anything else, which `isWebLink` then refuses) is left as typed. Blank stays blank.
 */
export function completeWebLink(raw: string): string {
  const value = raw.trim();
  if (value === '') return '';
  if (value.startsWith('//')) return `https:${value}`;
  if (SCHEME.test(value) && !HOST_AND_PORT.test(value)) return value;
  return `https://${value}`;
}

/**
 * Whether `value` is a link a browser opens as a web page: http or https, a host name with a
 * top-level domain (not "https://hello"), no spaces and no user name or password in it.
 */
export function isWebLink(value: string): boolean {
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return HOSTNAME.test(url.hostname);
}

export const WEB_LINK_MESSAGE = 'Enter a web address such as linkedin.com/in/name or https://example.com/page.';

/**
 * An optional web link in a request: completed with https:// when typed without (so the API and
 * the web forms, which validate with the same schema, agree), and refused with a clear message
 * when it is no web address at all. The length limit applies to the completed link. Empty: none.
 */
export function webLink(max = 500) {
  return z
    .string()
    .trim()
    .transform(completeWebLink)
    .pipe(
      z
        .string()
        .max(max, `Use at most ${max} characters.`)
        .refine((v) => v === '' || isWebLink(v), WEB_LINK_MESSAGE),
    );
}
