import type { Role, User } from '@scorecard/contracts';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/Badge';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { EmailText } from '@/components/ui/EmailText';
import type { InvitationAction } from '../api/user-mutations';
import { RoleSelect } from './RoleSelect';

type UsersTableProps = {
  users: User[];
  caption: string;
  currentUserId: string;
  busy: boolean;
  /** Another role was chosen for `user`: the caller confirms it. */
  onRoleChosen: (user: User, role: Role) => void;
  onToggleActive: (user: User) => void;
  /** Resend or revoke the invitation of a user who has not chosen a password yet. */
  onInvitation: (user: User, action: InvitationAction) => void;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function UsersTable({
  users,
  caption,
  currentUserId,
  busy,
  onRoleChosen,
  onToggleActive,
  onInvitation,
}: UsersTableProps) {
  const columns = useMemo<DataColumn<User>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        meta: { rowHeader: true, className: 'table__name' },
        cell: ({ row: { original: user } }) => (
          <span className="user-cell">
            <span className="avatar" aria-hidden="true">
              {initials(user.name)}
            </span>
            <span>
              {user.name}
              {user.id === currentUserId ? <span className="table__you"> (you)</span> : null}
            </span>
          </span>
        ),
      },
      {
        id: 'email',
        header: 'Email',
        meta: { className: 'table__email' },
        cell: ({ row }) => <EmailText email={row.original.email} />,
      },
      {
        id: 'role',
        header: 'Role',
        cell: ({ row: { original: user } }) => <RoleSelect user={user} onChoose={(role) => onRoleChosen(user, role)} />,
      },
      {
        id: 'status',
        header: 'Status',
        cell: ({ row: { original: user } }) =>
          user.status === 'invited' ? (
            <span className="status-inactive">
              <Badge tone="accent">Invited</Badge>
              {user.invitedAt ? (
                <span className="table__meta">sent {dateFormat.format(new Date(user.invitedAt))}</span>
              ) : null}
            </span>
          ) : user.active ? (
            <Badge tone="success">Active</Badge>
          ) : (
            <span className="status-inactive">
              <Badge tone="muted">Deactivated</Badge>
              {user.deactivatedAt ? (
                <span className="table__meta">since {dateFormat.format(new Date(user.deactivatedAt))}</span>
              ) : null}
            </span>
          ),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        meta: { className: 'table__actions', headerClassName: 'table__actions-col' },
        cell: ({ row: { original: user } }) => {
          if (user.id === currentUserId) return null;
          // Invited, or an invitation revoked (deactivated before ever choosing a password).
          if (user.invitedAt) {
            return (
              <span className="row-actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => onInvitation(user, 'resend')}
                >
                  Resend
                  <span className="visually-hidden"> invitation to {user.name}</span>
                </button>
                {user.active ? (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => onInvitation(user, 'revoke')}
                  >
                    Revoke
                    <span className="visually-hidden"> invitation of {user.name}</span>
                  </button>
                ) : null}
              </span>
            );
          }
          return (
            <button type="button" className="button button--ghost button--small" onClick={() => onToggleActive(user)}>
              {user.active ? 'Deactivate' : 'Reactivate'}
              <span className="visually-hidden"> {user.name}</span>
            </button>
          );
        },
      },
    ],
    [currentUserId, onRoleChosen, onToggleActive, onInvitation],
  );
  return (
    <DataTable
      columns={columns}
      data={users}
      rowId={(user) => user.id}
      caption={caption}
      busy={busy}
      rowProps={(user) => ({
        className: user.active ? undefined : 'table__row--inactive',
        'data-user-email': user.email,
      })}
    />
  );
}

function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part));
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((p) => p.charAt(0).toUpperCase()).join('') || '?';
}
