import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DocApi, DocChanges, DocDetail, DocVersion } from './library-api';
import { libraryKeys } from './library-keys';

function storeDetail<C>(queryClient: QueryClient, docApi: DocApi<C>, detail: DocDetail<C>) {
  queryClient.setQueryData(libraryKeys.doc(docApi.kind, detail.id), detail);
  return queryClient.invalidateQueries({ queryKey: libraryKeys.lists(docApi.kind) });
}

/** After a version changed: remember it, and re-read its document (status, version list). */
function storeVersion<C>(queryClient: QueryClient, docApi: DocApi<C>, version: DocVersion<C>) {
  queryClient.setQueryData(libraryKeys.version(docApi.kind, version.id), version);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: libraryKeys.doc(docApi.kind, version.documentId) }),
    queryClient.invalidateQueries({ queryKey: libraryKeys.lists(docApi.kind) }),
  ]);
}

export function useCreateDoc<C>(docApi: DocApi<C>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; description: string; content: C }) => docApi.create(body),
    onSuccess: (detail) => storeDetail(queryClient, docApi, detail),
  });
}

export function useUpdateDoc<C>(docApi: DocApi<C>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: DocChanges }) => docApi.update(id, changes),
    onSuccess: (detail) => storeDetail(queryClient, docApi, detail),
  });
}

export function useDuplicateDoc<C>(docApi: DocApi<C>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => docApi.duplicate(id, name),
    onSuccess: (detail) => storeDetail(queryClient, docApi, detail),
  });
}

export function useStartDraft<C>(docApi: DocApi<C>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => docApi.startDraft(documentId),
    onSuccess: (version) => storeVersion(queryClient, docApi, version),
  });
}

export function useSaveDraft<C>(docApi: DocApi<C>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, content, revision }: { versionId: string; content: C; revision: number }) =>
      docApi.saveVersion(versionId, { content, revision }),
    onSuccess: (version) => storeVersion(queryClient, docApi, version),
  });
}

/** Publishes the draft at `revision` (save pending changes first: the API publishes what is stored). */
export function usePublishDraft<C>(docApi: DocApi<C>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, revision }: { versionId: string; revision: number }) =>
      docApi.publishVersion(versionId, revision),
    onSuccess: (version) => storeVersion(queryClient, docApi, version),
  });
}
