import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '@/lib/api';
import type { DocSummary } from '../api/library-api';
import { useDuplicateDoc, useUpdateDoc } from '../api/library-mutations';
import type { KindConfig } from '../kinds';
import { DuplicateDialog, NameDialog } from './DocDialogs';

export type Notice = { tone: 'success' | 'error'; text: string };

type DocActionsProps<C> = {
  config: KindConfig<C>;
  doc: DocSummary;
  onNotice: (notice: Notice) => void;
};

/** Rename, duplicate and archive (or restore) one document. */
export function DocActions<C>({ config, doc, onNotice }: DocActionsProps<C>) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'rename' | 'duplicate' | null>(null);
  const update = useUpdateDoc(config.docApi);
  const duplicate = useDuplicateDoc(config.docApi);
  const archived = doc.archivedAt !== null;

  const toggleArchived = () =>
    update.mutate(
      { id: doc.id, changes: { archived: !archived } },
      {
        onSuccess: () =>
          onNotice({
            tone: 'success',
            text: archived
              ? `“${doc.name}” is back in use.`
              : `Archived “${doc.name}”. It is no longer offered for new openings; you can restore it any time.`,
          }),
        onError: (error) =>
          onNotice({
            tone: 'error',
            text: `Couldn’t ${archived ? 'restore' : 'archive'} “${doc.name}”. ${errorMessage(error)}`,
          }),
      },
    );

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setDialog('rename')}>
        Rename
      </button>
      <button type="button" className="button button--secondary" onClick={() => setDialog('duplicate')}>
        Duplicate
      </button>
      <button type="button" className="button button--secondary" onClick={toggleArchived} disabled={update.isPending}>
        {archived ? 'Restore' : 'Archive'}
      </button>
      <NameDialog
        open={dialog === 'rename'}
        title={`Rename ${config.noun}`}
        submitLabel="Save"
        pendingLabel="Saving…"
        failureTitle="Not renamed"
        initial={{ name: doc.name, description: doc.description }}
        onClose={() => setDialog(null)}
        onSubmit={async (values) => {
          await update.mutateAsync({ id: doc.id, changes: values });
          setDialog(null);
          onNotice({ tone: 'success', text: `Saved the name and description.` });
        }}
      />
      <DuplicateDialog
        open={dialog === 'duplicate'}
        noun={config.noun}
        sourceName={doc.name}
        onClose={() => setDialog(null)}
        onSubmit={async (name) => {
          const copy = await duplicate.mutateAsync({ id: doc.id, name });
          setDialog(null);
          await navigate(`${config.basePath}/${copy.id}`, {
            state: { notice: { tone: 'success', text: `Made “${copy.name}”, a copy of “${doc.name}”.` } },
          });
        }}
      />
    </>
  );
}
