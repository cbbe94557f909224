import type { Role, User } from '@scorecard/contracts';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/Badge';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { EmailText } from '@/components/ui/EmailText';
import { RoleSelect } from './RoleSelect';

type UsersTableProps = {
  users: User[];
  caption: string;
  currentUserId: string;
  busy: boolean;
  /** Another role was chosen for `user`: the caller confirms it. */
  onRoleChosen: (user: User, role: Role) => void;
  onToggleActive: (user: User) => void;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function UsersTable({ users, caption, currentUserId, busy, onRoleChosen, onToggleActive }: UsersTableProps) {
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
          user.active ? (
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
        cell: ({ row: { original: user } }) =>
          user.id === currentUserId ? null : (
            <button type="button" className="button button--ghost button--small" onClick={() => onToggleActive(user)}>
              {user.active ? 'Deactivate' : 'Reactivate'}
              <span className="visually-hidden"> {user.name}</span>
            </button>
          ),
      },
    ],
    [currentUserId, onRoleChosen, onToggleActive],
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
