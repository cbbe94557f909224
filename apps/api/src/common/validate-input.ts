import type { Endpoint } from '@scorecard/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from './app-error.js';
import { zodToFieldErrors } from './problem.js';

type Part = 'params' | 'query' | 'body';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as the client sent it, before validation replaced it (the audit log names the fields it set). */
    sentBody?: unknown;
    /** Set once `validateInput` has replaced params, query and body with their parsed values. */
    inputValidated?: boolean;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A field error for every string of a parsed value the database cannot store as sent: NUL, which
 * PostgreSQL refuses in text and jsonb (a 500 otherwise), and unpaired surrogates, which are not Unicode.
 */
export function unstorableText(value: unknown, part: Part): { path: string; message: string }[] {
  // A walk with its own stack, not recursion: a loose schema (SCIM's) may let a body nested
  // thousands of levels deep this far, which would overflow the call stack (a 500). Each entry
  // keeps its key and its parent's entry; a path is spelled out only for a string found wanting.
  type At = { key: string; parent: At | null } | null;
  const pathOf = (at: At): string => {
    const keys: string[] = [];
    for (let a = at; a; a = a.parent) keys.unshift(a.key);
    return keys.join('.');
  };
  const found: { path: string; message: string }[] = [];
  const stack: [unknown, At][] = [[value, null]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000') || LONE_SURROGATE.test(v))
        found.push({ path: pathOf(at) || `(${part})`, message: 'Remove the NUL or unpaired surrogate character.' });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], { key: entries[i]![0], parent: at }]);
    }
  }
  return found;
}

/**
 * Validates params, query and body against the endpoint's zod schemas before the handler runs and
 * hands the handler the parsed values (they replace `req.params`, `req.query` and `req.body`; the
 * body as sent stays in `req.sentBody` for the audit log). Unknown fields are refused by the strict
 * schemas. Throws one 400 naming every field in error, before anything is read or written. The
 * first step of the request pipeline (`request-pipeline.ts`).
 */
export function validateInput(endpoint: Endpoint, req: FastifyRequest): void {
  const errors: { path: string; message: string }[] = [];
  const parsed: Partial<Record<Part, unknown>> = {};
  for (const part of ['params', 'query', 'body'] as const) {
    const schema: z.ZodType | undefined = endpoint[part];
    const value = req[part];
    if (!schema) {
      const empty =
        value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
      if (!empty) errors.push({ path: `(${part})`, message: `This operation takes no ${part}.` });
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) {
      parsed[part] = result.data;
      errors.push(...unstorableText(result.data, part));
    } else
      errors.push(
        ...zodToFieldErrors(result.error).map((e) =>
          part === 'body' ? e : { ...e, path: e.path === '(body)' ? `(${part})` : e.path },
        ),
      );
  }
  if (errors.length > 0) throw AppError.invalid(errors);
  req.inputValidated = true;
  req.sentBody = req.body;
  const r = req as unknown as Record<Part, unknown>;
  for (const part of Object.keys(parsed) as Part[]) r[part] = parsed[part];
}

/** `validateInput`, unless this request's input was validated already (parsing twice would re-parse parsed values). */
export function validateOnce(endpoint: Endpoint, req: FastifyRequest): void {
  if (!req.inputValidated) validateInput(endpoint, req);
}
