import type { CreatedScimToken, ScimToken } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useRevokeScimToken, useScimTokens } from '../api/scim-tokens';
import { CreateScimTokenDialog } from './CreateScimTokenDialog';

/** The organization's SCIM tokens: create (shown once), and revoke with confirmation. */
export function ScimTokensPanel() {
  const titleId = useId();
  const tokens = useScimTokens();
  const revoke = useRevokeScimToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedScimToken | null>(null);
  const [revoking, setRevoking] = useState<ScimToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const createButton = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => {
        setCreated(null);
        setNotice(null);
        setCreating(true);
      }}
    >
      Create token
    </button>
  );

  return (
    <section className="panel panel--padded scim-tokens" aria-labelledby={titleId}>
      <div className="section-header">
        <div>
          <h2 id={titleId} className="section-header__title">
            SCIM tokens
          </h2>
          <p className="section-header__description">
            Your identity provider sends one as its bearer token. Make one per provider; revoke it when you stop using
            it.
          </p>
        </div>
        {tokens.isSuccess && tokens.data.items.length > 0 ? createButton : null}
      </div>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {tokens.isPending ? (
        <LoadingState label="Loading the SCIM tokens…" />
      ) : tokens.isError ? (
        <ErrorState
          title="Couldn’t load the SCIM tokens"
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
          retrying={tokens.isFetching}
        />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title="No SCIM tokens yet" action={createButton}>
          Create a token to let Okta, Microsoft Entra ID or another SCIM client add and deactivate people for you.
        </EmptyState>
      ) : (
        <table className="table scim-tokens__table">
          <caption className="visually-hidden">SCIM tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>
                  {formatDateTime(t.createdAt)}
                  {t.createdBy ? <span className="scim-tokens__by"> by {t.createdBy.name}</span> : null}
                </td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                <td>
                  {t.revokedAt ? (
                    <Badge tone="muted">Revoked {formatDateTime(t.revokedAt)}</Badge>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  )}
                </td>
                <td className="scim-tokens__actions">
                  {t.revokedAt ? null : (
                    <button
                      type="button"
                      className="button button--ghost button--danger-text"
                      onClick={() => {
                        revoke.reset();
                        setRevoking(t);
                      }}
                    >
                      Revoke<span className="visually-hidden"> {t.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <CreateScimTokenDialog
        open={creating}
        created={created}
        onCreated={setCreated}
        onClose={() => {
          setCreating(false);
          setCreated(null);
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description={
          <p>
            The identity provider using this token is refused from now on: people are no longer added, changed or
            deactivated through it. This cannot be undone; create a new token to reconnect.
          </p>
        }
        failure={revoke.isError ? <Alert>Couldn’t revoke the token. {errorMessage(revoke.error)}</Alert> : null}
        danger
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        onConfirm={() => {
          const token = revoking;
          if (!token) return;
          revoke.mutate(token.id, {
            onSuccess: () => {
              setRevoking(null);
              setNotice(`“${token.name}” is revoked. It no longer works.`);
            },
          });
        }}
      />
    </section>
  );
}
