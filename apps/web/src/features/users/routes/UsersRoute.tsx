import { ROLE_LABELS, Role, type User } from '@scorecard/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState } from '@/components/ui/States';
import { listStates } from '@/components/ui/ListStates';
import { useSession } from '@/lib/session';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUsers } from '../api/list-users';
import type { UserListParams } from '../api/user-keys';
import { AddUserDialog } from '../components/AddUserDialog';
import { ChangeRoleDialog, article, type RoleChange } from '../components/ChangeRoleDialog';
import { ChangeStatusDialog } from '../components/ChangeStatusDialog';
import { UserFilters } from '../components/UserFilters';
import { UsersTable } from '../components/UsersTable';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

type Notice = { tone: 'success' | 'error'; text: string };

export default function UsersRoute() {
  useDocumentTitle('Users');
  const { user } = useSession();
  if (user.role !== 'admin') return <NoAccess />;
  return <UsersAdmin />;
}

function NoAccess() {
  return (
    <>
      <PageHeader title="Users" />
      <div className="state state--locked" role="status">
        <h2 className="state__title">You don’t have access to Users</h2>
        <p className="state__text">
          Only admins can see and manage the people in your organization. Ask an admin if you need a change.
        </p>
        <Link className="button button--secondary" to="/">
          Back to home
        </Link>
      </div>
    </>
  );
}

/** Reads the list's filters from the URL, so they survive reloads and back/forward. */
function useListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const roleParam = Role.safeParse(searchParams.get('role'));
  const pageParam = Number(searchParams.get('page'));
  const params: UserListParams = {
    page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1,
    pageSize: PAGE_SIZE,
    q: searchParams.get('q') ?? '',
    role: roleParam.success ? roleParam.data : '',
    includeDeactivated: searchParams.get('deactivated') === 'show',
  };
  const update = (changes: Partial<Omit<UserListParams, 'pageSize'>>, options?: { replace?: boolean }) => {
    const next = { ...params, page: 1, ...changes };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.role) search.set('role', next.role);
    if (next.includeDeactivated) search.set('deactivated', 'show');
    if (next.page > 1) search.set('page', String(next.page));
    setSearchParams(search, { replace: options?.replace ?? false });
  };
  return [params, update] as const;
}

function UsersAdmin() {
  const { user: me, organization } = useSession();
  const [params, setParams] = useListParams();
  const [search, setSearch] = useState(params.q);
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [adding, setAdding] = useState(false);
  const [statusTarget, setStatusTarget] = useState<User | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    if (debouncedSearch !== params.q) setParams({ q: debouncedSearch }, { replace: true });
    // Only a settled search term touches the URL (and sends the user back to page 1).
  }, [debouncedSearch]);

  const users = useUsers(params);
  const filtered = params.q !== '' || params.role !== '' || params.includeDeactivated;

  let body: ReactNode = listStates({
    query: users,
    noun: 'users',
    page: params.page,
    filtered,
    noAccess: <NoAccess />,
    onFirstPage: () => setParams({ page: 1 }),
    onClearFilters: () => {
      setSearch('');
      setParams({ q: '', role: '', includeDeactivated: false });
    },
    noMatchTitle: 'No users match these filters',
    noMatchHint: 'Try another name or email, or include deactivated users.',
    empty: (
      <EmptyState title="No users yet">
        <p>Add the people who take part in your hiring.</p>
      </EmptyState>
    ),
  });
  if (!body && users.data) {
    body = (
      <>
        <UsersTable
          users={users.data.items}
          caption={`Users in ${organization.name}`}
          currentUserId={me.id}
          busy={users.isFetching}
          onRoleChosen={(user, role) => setRoleChange({ user, role })}
          onToggleActive={setStatusTarget}
        />
        <Pagination
          label="Users pages"
          page={users.data.page}
          pageSize={users.data.pageSize}
          total={users.data.total}
          onPageChange={(page) => setParams({ ...params, page })}
        />
      </>
    );
  }

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
      <div className="notice-slot" aria-live="polite">
        {notice ? (
          <Alert tone={notice.tone} onDismiss={() => setNotice(null)}>
            {notice.text}
          </Alert>
        ) : null}
      </div>
      <section className="panel" aria-label="Users list">
        <UserFilters
          search={search}
          onSearchChange={setSearch}
          role={params.role}
          onRoleChange={(role) => setParams({ role })}
          includeDeactivated={params.includeDeactivated}
          onIncludeDeactivatedChange={(includeDeactivated) => setParams({ includeDeactivated })}
        />
        {body}
      </section>
      <AddUserDialog
        open={adding}
        organizationName={organization.name}
        onClose={() => setAdding(false)}
        onCreated={(created) => {
          setAdding(false);
          setNotice({
            tone: 'success',
            text: `Added ${created.name} as ${article(ROLE_LABELS[created.role])} ${ROLE_LABELS[created.role]}. They can sign in as ${created.email} with the initial password you set.`,
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
