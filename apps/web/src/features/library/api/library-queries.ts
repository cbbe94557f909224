import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DocApi, DocListQuery } from './library-api';
import { libraryKeys } from './library-keys';

export function docListQueryOptions<C>(docApi: DocApi<C>, query: DocListQuery) {
  return queryOptions({
    queryKey: libraryKeys.list(docApi.kind, query),
    queryFn: ({ signal }) => docApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocList<C>(docApi: DocApi<C>, query: DocListQuery) {
  return useQuery(docListQueryOptions(docApi, query));
}

export function docQueryOptions<C>(docApi: DocApi<C>, id: string) {
  return queryOptions({
    queryKey: libraryKeys.doc(docApi.kind, id),
    queryFn: ({ signal }) => docApi.get(id, signal),
  });
}

/** One document with its version list, draft and latest published version. */
export function useDoc<C>(docApi: DocApi<C>, id: string) {
  return useQuery(docQueryOptions(docApi, id));
}

/** One version; published versions never change, so they are never refetched. */
export function useDocVersion<C>(docApi: DocApi<C>, id: string | null) {
  return useQuery({
    queryKey: libraryKeys.version(docApi.kind, id ?? 'none'),
    queryFn: ({ signal }) => docApi.getVersion(id ?? '', signal),
    enabled: id !== null,
    staleTime: (query) => (query.state.data?.status === 'published' ? Infinity : 0),
  });
}
