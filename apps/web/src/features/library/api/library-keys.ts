import type { DocListQuery, LibraryKind } from './library-api';

/** Query keys of the library, per kind of document: lists, documents (with versions) and single versions. */
export const libraryKeys = {
  all: (kind: LibraryKind) => ['library', kind] as const,
  lists: (kind: LibraryKind) => [...libraryKeys.all(kind), 'list'] as const,
  list: (kind: LibraryKind, query: DocListQuery) => [...libraryKeys.lists(kind), query] as const,
  docs: (kind: LibraryKind) => [...libraryKeys.all(kind), 'doc'] as const,
  doc: (kind: LibraryKind, id: string) => [...libraryKeys.docs(kind), id] as const,
  version: (kind: LibraryKind, id: string) => [...libraryKeys.all(kind), 'version', id] as const,
};
