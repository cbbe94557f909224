import {
  CandidateSort,
  CandidateSource,
  SOURCE_LABELS,
  STAGE_LABELS,
  Stage,
  type OpeningSummary,
} from '@scorecard/contracts';
import { useId } from 'react';

export const SORT_LABELS: Record<CandidateSort, string> = {
  '-updatedAt': 'Recently updated',
  updatedAt: 'Least recently updated',
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
};

type CandidateFiltersProps = {
  search: string;
  onSearchChange: (value: string) => void;
  tag: string;
  tagError: string | null;
  onTagChange: (value: string) => void;
  source: CandidateSource | '';
  onSourceChange: (value: CandidateSource | '') => void;
  stage: Stage | '';
  onStageChange: (value: Stage | '') => void;
  openingId: string;
  openings: OpeningSummary[] | undefined;
  onOpeningChange: (value: string) => void;
  sort: CandidateSort;
  onSortChange: (value: CandidateSort) => void;
};

export function CandidateFilters(props: CandidateFiltersProps) {
  const id = useId();
  return (
    <div className="toolbar" role="search" aria-label="Filter candidates">
      <div className="toolbar__field toolbar__field--grow">
        <label htmlFor={`${id}-q`} className="field__label">
          Search
        </label>
        <input
          id={`${id}-q`}
          className="input input--search"
          type="search"
          placeholder="Name, email, title or company"
          autoComplete="off"
          value={props.search}
          onChange={(e) => props.onSearchChange(e.target.value)}
        />
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-source`} className="field__label">
          Source
        </label>
        <select
          id={`${id}-source`}
          className="select"
          value={props.source}
          onChange={(e) => props.onSourceChange(e.target.value as CandidateSource | '')}
        >
          <option value="">All sources</option>
          {CandidateSource.options.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-stage`} className="field__label">
          Stage
        </label>
        <select
          id={`${id}-stage`}
          className="select"
          value={props.stage}
          onChange={(e) => props.onStageChange(e.target.value as Stage | '')}
        >
          <option value="">All stages</option>
          {Stage.options.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-opening`} className="field__label">
          Opening
        </label>
        <select
          id={`${id}-opening`}
          className="select"
          value={props.openingId}
          onChange={(e) => props.onOpeningChange(e.target.value)}
        >
          <option value="">All openings</option>
          {props.openingId && !props.openings?.some((o) => o.id === props.openingId) ? (
            <option value={props.openingId}>The chosen opening</option>
          ) : null}
          {props.openings?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </select>
      </div>
      <div className={props.tagError ? 'toolbar__field field--invalid' : 'toolbar__field'}>
        <label htmlFor={`${id}-tag`} className="field__label">
          Tag
        </label>
        <input
          id={`${id}-tag`}
          className="input"
          placeholder="e.g. kubernetes"
          autoComplete="off"
          value={props.tag}
          aria-invalid={Boolean(props.tagError)}
          aria-describedby={props.tagError ? `${id}-tag-error` : undefined}
          onChange={(e) => props.onTagChange(e.target.value)}
        />
        {props.tagError ? (
          <p id={`${id}-tag-error`} className="field__error">
            {props.tagError}
          </p>
        ) : null}
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-sort`} className="field__label">
          Sort
        </label>
        <select
          id={`${id}-sort`}
          className="select"
          value={props.sort}
          onChange={(e) => props.onSortChange(e.target.value as CandidateSort)}
        >
          {CandidateSort.options.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
