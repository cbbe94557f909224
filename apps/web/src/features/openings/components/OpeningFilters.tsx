import { OpeningStatus } from '@scorecard/contracts';
import { useId } from 'react';
import { STATUS_LABELS } from '../opening-copy';

type OpeningFiltersProps = {
  search: string;
  onSearchChange: (value: string) => void;
  status: OpeningStatus | '';
  onStatusChange: (status: OpeningStatus | '') => void;
};

export function OpeningFilters(props: OpeningFiltersProps) {
  const id = useId();
  return (
    <div className="toolbar" role="search" aria-label="Filter openings">
      <div className="toolbar__field toolbar__field--grow">
        <label htmlFor={`${id}-q`} className="field__label">
          Search
        </label>
        <input
          id={`${id}-q`}
          className="input input--search"
          type="search"
          placeholder="Title or team"
          autoComplete="off"
          value={props.search}
          onChange={(e) => props.onSearchChange(e.target.value)}
        />
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-status`} className="field__label">
          Status
        </label>
        <select
          id={`${id}-status`}
          className="select"
          value={props.status}
          onChange={(e) => props.onStatusChange(e.target.value as OpeningStatus | '')}
        >
          <option value="">All statuses</option>
          {OpeningStatus.options.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
