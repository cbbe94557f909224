import { ROLE_LABELS, ROLES, USER_STATUSES, type UserStatus } from '@scorecard/contracts';
import { useEffect, useId, useState } from 'react';
import { FilterBar, SearchFilter, SelectFilter, labelled } from '@/components/ui/FilterBar';
import type { ListState } from '@/lib/use-list-params';
import type { UserFilterValues } from '../api/user-keys';

const ROLE_OPTIONS = labelled(ROLES, ROLE_LABELS);
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
};
const STATUS_OPTIONS = labelled(USER_STATUSES, USER_STATUS_LABELS);

export function UserFilters({ list }: { list: ListState<UserFilterValues> }) {
  const id = useId();
  const { params, setParams } = list;
  // The box follows the URL, but ticks at once: the URL (and so the prop) catches up a moment later.
  const [includeDeactivated, setIncludeDeactivated] = useState(params.includeDeactivated);
  useEffect(() => setIncludeDeactivated(params.includeDeactivated), [params.includeDeactivated]);
  return (
    <FilterBar label="Filter users">
      <SearchFilter value={list.search} onChange={list.setSearch} placeholder="Name or email" />
      <SelectFilter label="Role" all="All roles" options={ROLE_OPTIONS} {...list.bind('role')} />
      <SelectFilter label="Status" all="Any status" options={STATUS_OPTIONS} {...list.bind('status')} />
      <div className="toolbar__field toolbar__field--check">
        <input
          id={`${id}-inactive`}
          type="checkbox"
          className="checkbox"
          checked={includeDeactivated}
          onChange={(e) => {
            setIncludeDeactivated(e.target.checked);
            setParams({ includeDeactivated: e.target.checked });
          }}
        />
        <label htmlFor={`${id}-inactive`}>Show deactivated</label>
      </div>
    </FilterBar>
  );
}
