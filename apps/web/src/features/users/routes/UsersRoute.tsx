import { ROLE_LABELS, Role, type User, UserStatus } from '@scorecard/contracts';
import { useState } from 'react';
import { NoticeSlot, type Notice } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { NoAccessState } from '@/components/ui/PageStates';
import { EmptyState } from '@/components/ui/States';
import { ListBody } from '@/components/ui/ListStates';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { flagField, schemaField, textField, useListParams, type ListFields } from '@/lib/use-list-params';
import { useUsers } from '../api/list-users';
import type { UserFilterValues } from '../api/user-keys';
import { AddUserDialog } from '../components/AddUserDialog';
import { ChangeRoleDialog, article, type RoleChange } from '../components/ChangeRoleDialog';
import { ChangeStatusDialog } from '../components/ChangeStatusDialog';
import { InvitationDialog, type InvitationChange } from '../components/InvitationDialog';
import { UserFilters } from '../components/UserFilters';
import { UsersTable } from '../components/UsersTable';

const PAGE_SIZE = 20;

export default function UsersRoute() {
  useDocumentTitle('Users');
  const { user } = useSession();
  if (user.role !== 'admin') return <NoAccess />;
  return <UsersAdmin />;
}

function NoAccess() {
  return (
    <NoAccessState title="Users">
      Only admins can see and manage the people in your organization. Ask an admin if you need a change.
    </NoAccessState>
  );
}

const FIELDS: ListFields<UserFilterValues> = {
  q: textField,
  role: schemaField(Role),
  status: schemaField(UserStatus),
  includeDeactivated: flagField('deactivated', 'show'),
};

function UsersAdmin() {
  const { user: me, organization } = useSession();
  const list = useListParams(FIELDS, PAGE_SIZE);
  const [adding, setAdding] = useState(false);
  const [statusTarget, setStatusTarget] = useState<User | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [invitationChange, setInvitationChange] = useState<InvitationChange | null>(null);

  const users = useUsers(list.params);
  return (
    <>
      <PageHeader
        title="Users"
        description={`Everyone who can sign in to ${organization.name}, and what they can do.`}
        actions={
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add user
          </button>
        }
      />
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      <section className="panel" aria-label="Users list">
        <UserFilters list={list} />
        <ListBody
          query={users}
          list={list}
          noun="users"
          noAccess={<NoAccess />}
          noMatchTitle="No users match these filters"
          noMatchHint="Try another name or email, or include deactivated users."
          empty={
            <EmptyState title="No users yet">
              <p>Add the people who take part in your hiring.</p>
            </EmptyState>
          }
          rows={(items) => (
            <UsersTable
              users={items}
              caption={`Users in ${organization.name}`}
              currentUserId={me.id}
              busy={users.isFetching}
              onRoleChosen={(user, role) => setRoleChange({ user, role })}
              onToggleActive={setStatusTarget}
              onInvitation={(user, action) => setInvitationChange({ user, action })}
            />
          )}
        />
      </section>
      <AddUserDialog
        open={adding}
        organizationName={organization.name}
        onClose={() => setAdding(false)}
        onCreated={(created) => {
          setAdding(false);
          const as = `${article(ROLE_LABELS[created.role])} ${ROLE_LABELS[created.role]}`;
          setNotice({
            tone: 'success',
            text:
              created.status === 'invited'
                ? `Invited ${created.name} as ${as}. We emailed ${created.email} a link to choose their password.`
                : `Added ${created.name} as ${as}. They can sign in as ${created.email} with the initial password you set.`,
          });
        }}
      />
      <ChangeRoleDialog
        change={roleChange}
        currentUserId={me.id}
        onClose={() => setRoleChange(null)}
        onChanged={(updated) => {
          setRoleChange(null);
          setNotice({
            tone: 'success',
            text: `${updated.name} is now ${article(ROLE_LABELS[updated.role])} ${ROLE_LABELS[updated.role]}.`,
          });
        }}
      />
      <InvitationDialog
        change={invitationChange}
        onClose={() => setInvitationChange(null)}
        onChanged={(updated, action) => {
          setInvitationChange(null);
          setNotice({
            tone: 'success',
            text:
              action === 'resend'
                ? `Sent ${updated.name} a new invitation to ${updated.email}. Earlier links no longer work.`
                : `Revoked the invitation of ${updated.name}. Their link no longer works.`,
          });
        }}
      />
      <ChangeStatusDialog
        user={statusTarget}
        currentUserId={me.id}
        onClose={() => setStatusTarget(null)}
        onChanged={(updated) => {
          setStatusTarget(null);
          setNotice({
            tone: 'success',
            text: updated.active
              ? `${updated.name} is active again and can sign in.`
              : `${updated.name} is deactivated and can no longer sign in.`,
          });
        }}
      />
    </>
  );
}
