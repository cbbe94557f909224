import { ROLE_LABELS, ROLES, type Role } from '@scorecard/contracts';
import { useEffect, useId, useState } from 'react';

type UserFiltersProps = {
  search: string;
  onSearchChange: (value: string) => void;
  role: Role | '';
  onRoleChange: (role: Role | '') => void;
  includeDeactivated: boolean;
  onIncludeDeactivatedChange: (value: boolean) => void;
};

export function UserFilters(props: UserFiltersProps) {
  const id = useId();
  // The box follows the URL, but ticks at once: the URL (and so the prop) catches up a moment later.
  const [includeDeactivated, setIncludeDeactivated] = useState(props.includeDeactivated);
  useEffect(() => setIncludeDeactivated(props.includeDeactivated), [props.includeDeactivated]);
  return (
    <div className="toolbar" role="search" aria-label="Filter users">
      <div className="toolbar__field toolbar__field--grow">
        <label htmlFor={`${id}-q`} className="field__label">
          Search
        </label>
        <input
          id={`${id}-q`}
          className="input input--search"
          type="search"
          placeholder="Name or email"
          autoComplete="off"
          value={props.search}
          onChange={(e) => props.onSearchChange(e.target.value)}
        />
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-role`} className="field__label">
          Role
        </label>
        <select
          id={`${id}-role`}
          className="select"
          value={props.role}
          onChange={(e) => props.onRoleChange(e.target.value as Role | '')}
        >
          <option value="">All roles</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar__field toolbar__field--check">
        <input
          id={`${id}-inactive`}
          type="checkbox"
          className="checkbox"
          checked={includeDeactivated}
          onChange={(e) => {
            setIncludeDeactivated(e.target.checked);
            props.onIncludeDeactivatedChange(e.target.checked);
          }}
        />
        <label htmlFor={`${id}-inactive`}>Show deactivated</label>
      </div>
    </div>
  );
}
