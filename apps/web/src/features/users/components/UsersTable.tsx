import type { Role, User } from '@scorecard/contracts';
import { Badge } from '@/components/ui/Badge';
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
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col" className="table__actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isMe = user.id === currentUserId;
            return (
              <tr
                key={user.id}
                className={user.active ? undefined : 'table__row--inactive'}
                data-user-email={user.email}
              >
                <th scope="row" className="table__name">
                  <span className="user-cell">
                    <span className="avatar" aria-hidden="true">
                      {initials(user.name)}
                    </span>
                    <span>
                      {user.name}
                      {isMe ? <span className="table__you"> (you)</span> : null}
                    </span>
                  </span>
                </th>
                <td className="table__email">
                  <EmailText email={user.email} />
                </td>
                <td>
                  <RoleSelect user={user} onChoose={(role) => onRoleChosen(user, role)} />
                </td>
                <td>
                  {user.active ? (
                    <Badge tone="success">Active</Badge>
                  ) : (
                    <span className="status-inactive">
                      <Badge tone="muted">Deactivated</Badge>
                      {user.deactivatedAt ? (
                        <span className="table__meta">since {dateFormat.format(new Date(user.deactivatedAt))}</span>
                      ) : null}
                    </span>
                  )}
                </td>
                <td className="table__actions">
                  {isMe ? null : (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => onToggleActive(user)}
                    >
                      {user.active ? 'Deactivate' : 'Reactivate'}
                      <span className="visually-hidden"> {user.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
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
