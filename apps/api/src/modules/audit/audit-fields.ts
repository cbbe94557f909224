import type { z } from 'zod';

/** A field whose name says it holds a secret is never named in the audit log (nor, ever, its value). */
const SECRET = /password|token|secret/i;

/** Whether a field path (`password`, `credentials.apiToken`) names a secret at any level. */
export function isSecretField(path: string): boolean {
  return path.split('.').some((segment) => SECRET.test(segment));
}

/** The field paths without secrets and without repeats, in their order. */
export function withoutSecrets(paths: readonly string[]): string[] {
  return [...new Set(paths.filter((p) => p.length > 0 && !isSecretField(p)))];
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
};

const def = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema behind optional/nullable/default/pipe wrappers, or null if it is not an object. */
function objectShape(schema: z.ZodType | undefined, depth = 0): Record<string, z.ZodType> | null {
  if (!schema || depth > 10) return null;
  const d = def(schema);
  switch (d.type) {
    case 'object':
      return d.shape ?? null;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return objectShape(d.innerType, depth + 1);
    case 'pipe':
      return objectShape(d.out, depth + 1) ?? objectShape(d.in, depth + 1);
    default:
      return null;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Concurrency tokens: every write names the `revision` or `version` it saw, which says nothing
 * about what changed.
 */
const TOKENS = new Set(['revision', 'version']);

/**
 * The names of the fields a request set: the top-level fields of the body the client sent (once
 * validation accepted it; defaults the schema filled in were not sent, so they changed nothing by
 * request), and the fields of a nested object one level down (`content.competencies`). Only names
 * the schema declares are taken, so a key that is data (an email used as a map key) never becomes a
 * "field"; secrets are left out, and values are never looked at beyond "is it there".
 */
export function changedFieldNames(schema: z.ZodType | undefined, body: unknown): string[] {
  const shape = objectShape(schema);
  if (!shape || !isPlainObject(body)) return [];
  const names: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || !(key in shape) || isSecretField(key)) continue;
    if (TOKENS.has(key) && typeof value === 'number') continue;
    const nested = objectShape(shape[key]);
    const inner =
      nested && isPlainObject(value)
        ? Object.entries(value)
            .filter(([k, v]) => v !== undefined && k in nested && !isSecretField(k))
            .map(([k]) => `${key}.${k}`)
        : [];
    names.push(...(inner.length > 0 ? inner : [key]));
  }
  return withoutSecrets(names);
}
