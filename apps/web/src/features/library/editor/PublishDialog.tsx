import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { errorMessage } from '@/lib/api';

type PublishDialogProps = {
  open: boolean;
  noun: string;
  version: number;
  /** The latest published version, or null when this is the first. */
  previousVersion: number | null;
  /** What changed since the previous version, as sentences. */
  changes: string[];
  unsaved: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
};

/** Shows what publishing will freeze, and what changed since the version in use. */
export function PublishDialog(props: PublishDialogProps) {
  const { open, noun, version, previousVersion, changes, unsaved, pending, error, onConfirm, onClose } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      role="alertdialog"
      title={`Publish version ${version}?`}
      description={
        <p>
          A published version never changes: scorecards record the exact version they were scored against. To change
          this {noun} later, you start a new draft.
        </p>
      }
    >
      {error ? <Alert title="Not published">{errorMessage(error)}</Alert> : null}
      <section className="change-list" aria-labelledby="publish-changes-title">
        <h3 id="publish-changes-title" className="change-list__title">
          {previousVersion === null ? 'First version' : `Changes since version ${previousVersion}`}
        </h3>
        {previousVersion === null ? (
          <p className="change-list__empty">Nothing is published yet: this becomes version {version}.</p>
        ) : changes.length === 0 ? (
          <p className="change-list__empty">No changes: version {version} will have the same content.</p>
        ) : (
          <ul className="change-list__items">
            {changes.map((change, i) => (
              <li key={i}>{change}</li>
            ))}
          </ul>
        )}
      </section>
      {unsaved ? <p className="field__hint">Your unsaved changes are saved first.</p> : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={onConfirm} disabled={pending}>
          {pending ? 'Publishing…' : `Publish version ${version}`}
        </button>
      </div>
    </Dialog>
  );
}
