import { useEffect, useEffectEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './use-debounced-value';

/** How long a typed search waits before it touches the URL. */
export const SEARCH_DEBOUNCE_MS = 300;

/** One filter of a list, as it reads from and writes to the URL's search params. */
export type ListField<T> = {
  parse: (raw: string | null) => T;
  /** Its value when nobody chose one: not written to the URL. */
  empty: T;
  /** The search param's name, when it is not the field's. */
  param?: string;
  /** How a chosen value is written; by default as a string. */
  format?: (value: T) => string;
  /** False for a field that orders rather than filters (a sort): "clear filters" keeps it. */
  filter?: boolean;
};

type Schema<T> = { safeParse: (value: unknown) => { success: boolean; data?: T } };

/** Free text, such as the search box's. */
export const textField: ListField<string> = { parse: (raw) => raw ?? '', empty: '' };

/** A value a schema accepts (an enum, an id, a tag); anything else reads as `empty`. */
export function schemaField<T, E extends T | '' = ''>(schema: Schema<T>, empty = '' as E): ListField<T | E> {
  return {
    empty,
    parse: (raw) => {
      const parsed = schema.safeParse(raw);
      return parsed.success ? (parsed.data as T) : empty;
    },
  };
}

/** A yes/no filter, written as `param=value` when on. */
export function flagField(param: string, value: string): ListField<boolean> {
  return { param, empty: false, parse: (raw) => raw === value, format: () => value };
}

export type ListFields<F> = { [K in keyof F]: ListField<F[K]> };

/**
 * A list's search, filters, sort and page, read from the URL so they survive reloads and
 * back/forward. The search box follows the keystrokes; only a settled term touches the URL (and
 * sends the reader back to page 1), as does any other change.
 */
export function useListParams<F extends { q: string }>(fields: ListFields<F>, pageSize: number) {
  const [sp, setSearchParams] = useSearchParams();
  const keys = Object.keys(fields) as (keyof F & string)[];
  const pageParam = Number(sp.get('page'));
  const filters = {} as F;
  for (const key of keys) filters[key] = fields[key].parse(sp.get(fields[key].param ?? key));
  const params = { ...filters, page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1, pageSize };

  const setParams = (changes: Partial<F> & { page?: number }, options?: { replace?: boolean }) => {
    const next = { ...params, page: 1, ...changes };
    const search = new URLSearchParams();
    for (const key of keys) {
      const field = fields[key];
      const value = next[key];
      if (value !== field.empty) search.set(field.param ?? key, field.format ? field.format(value) : String(value));
    }
    if (next.page > 1) search.set('page', String(next.page));
    setSearchParams(search, { replace: options?.replace ?? false });
  };

  const [search, setSearch] = useSettledText(params.q, (q) => {
    if (q !== params.q) setParams({ q } as Partial<F>, { replace: true });
  });

  const filterKeys = keys.filter((key) => fields[key].filter !== false);
  const filtered = filterKeys.some((key) => params[key] !== fields[key].empty);
  const clearFilters = () => {
    setSearch('');
    setParams(Object.fromEntries(filterKeys.map((key) => [key, fields[key].empty])) as Partial<F>);
  };
  /** A filter's value and its setter, for a control: `<SelectFilter {...list.bind('role')} />`. */
  const bind = <K extends keyof F & string>(key: K) => ({
    value: params[key],
    onChange: (value: F[K]) => setParams({ [key]: value } as unknown as Partial<F>),
  });
  return { params, setParams, search, setSearch, filtered, clearFilters, bind };
}

/**
 * A text box that edits something slow (the URL, a request): the box follows the keystrokes,
 * `onSettled` gets the trimmed text once typing pauses. Returns the text, its setter and the
 * settled text.
 */
export function useSettledText(current: string, onSettled: (value: string) => void, delayMs = SEARCH_DEBOUNCE_MS) {
  const [text, setText] = useState(current);
  const settled = useDebouncedValue(text.trim(), delayMs);
  // A settled text the box no longer shows is stale: the box changed in the same update (a "clear
  // filters" click as the pause ended), and writing it would put back what was just cleared.
  const settle = useEffectEvent((value: string) => {
    if (value === text.trim()) onSettled(value);
  });
  useEffect(() => settle(settled), [settled]);
  return [text, setText, settled] as const;
}

/** What `useListParams` gives a list page and its filter bar. */
export type ListState<F extends { q: string }> = ReturnType<typeof useListParams<F>>;
