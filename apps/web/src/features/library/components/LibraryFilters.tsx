import { useId } from 'react';

type LibraryFiltersProps = {
  label: string;
  search: string;
  onSearchChange: (value: string) => void;
  archived: boolean;
  onArchivedChange: (archived: boolean) => void;
};

export function LibraryFilters({ label, search, onSearchChange, archived, onArchivedChange }: LibraryFiltersProps) {
  const id = useId();
  return (
    <div className="toolbar" role="search" aria-label={label}>
      <div className="toolbar__field toolbar__field--grow">
        <label htmlFor={`${id}-q`} className="field__label">
          Search
        </label>
        <input
          id={`${id}-q`}
          className="input input--search"
          type="search"
          placeholder="Name or description"
          autoComplete="off"
          value={search}
          onChange={(e) => onSearchChange(e.target.value)}
        />
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-archived`} className="field__label">
          Show
        </label>
        <select
          id={`${id}-archived`}
          className="select"
          value={archived ? 'archived' : 'active'}
          onChange={(e) => onArchivedChange(e.target.value === 'archived')}
        >
          <option value="active">In use</option>
          <option value="archived">Archived</option>
        </select>
      </div>
    </div>
  );
}
