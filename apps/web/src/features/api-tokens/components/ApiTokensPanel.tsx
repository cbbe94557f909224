import type { ApiToken, CreatedApiToken } from '@scorecard/contracts';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { API_TOKENS_PAGE_SIZE, useApiTokens, useRevokeApiToken } from '../api/api-tokens';
import { CreateApiTokenDialog } from './CreateApiTokenDialog';

function TokenStatus({ token }: { token: ApiToken }) {
  if (token.revokedAt) return <Badge tone="muted">Revoked {formatDateTime(token.revokedAt)}</Badge>;
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return <Badge tone="muted">Expired</Badge>;
  return <Badge tone="success">Active</Badge>;
}

/** The organization's API tokens: create (the secret shown once), and revoke with confirmation. */
export function ApiTokensPanel() {
  const titleId = useId();
  const [page, setPage] = useState(1);
  const tokens = useApiTokens(page);
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
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
    <section className="panel panel--padded api-tokens" aria-labelledby={titleId}>
      <div className="section-header">
        <div>
          <h2 id={titleId} className="section-header__title">
            API tokens
          </h2>
          <p className="section-header__description">
            A machine sends one as <code>Authorization: Bearer sc_…</code>. Make one per integration, with only the
            scopes it needs; revoke it when you stop using it. Every request made with a token is in the audit log.
          </p>
        </div>
        {tokens.isSuccess && tokens.data.total > 0 ? createButton : null}
      </div>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {tokens.isPending ? (
        <LoadingState label="Loading the API tokens…" />
      ) : tokens.isError ? (
        <ErrorState
          title="Couldn’t load the API tokens"
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
          retrying={tokens.isFetching}
        />
      ) : tokens.data.total === 0 ? (
        <EmptyState title="No API tokens yet" action={createButton}>
          Create a token to let your ATS, a data warehouse or a script read and write hiring data through the API.
        </EmptyState>
      ) : (
        <>
          <div className="api-tokens__scroll">
            <table className="table api-tokens__table">
              <caption className="visually-hidden">API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
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
                      <ul className="api-tokens__scopes" aria-label={`Scopes of ${t.name}`}>
                        {t.scopes.map((s) => (
                          <li key={s}>
                            <code>{s}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {formatDateTime(t.createdAt)}
                      <span className="api-tokens__by"> by {t.createdBy.name}</span>
                    </td>
                    <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                    <td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}</td>
                    <td>
                      <TokenStatus token={t} />
                    </td>
                    <td className="api-tokens__actions">
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
          </div>
          {tokens.data.total > API_TOKENS_PAGE_SIZE ? (
            <Pagination
              page={page}
              pageSize={API_TOKENS_PAGE_SIZE}
              total={tokens.data.total}
              onPageChange={setPage}
              label="API token pages"
            />
          ) : null}
        </>
      )}

      <CreateApiTokenDialog
        open={creating}
        created={created}
        onCreated={(token) => {
          setPage(1);
          setCreated(token);
        }}
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
            Requests made with this token are refused from now on. This cannot be undone; create a new token to
            reconnect the integration.
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
