import type { OpeningStatus } from '@scorecard/contracts';
import { useId } from 'react';
import { useOpeningOptions } from '../api/analytics-queries';
import { DEFAULT_RANGE_DAYS, type AnalyticsFilters, type FilterErrors } from '../analytics-filters';

const STATUS_SUFFIX: Record<OpeningStatus, string> = {
  draft: ' (draft)',
  open: '',
  on_hold: ' (on hold)',
  closed: ' (closed)',
};

type AnalyticsFilterBarProps = {
  filters: AnalyticsFilters;
  errors: FilterErrors | null;
  isDefaultRange: boolean;
  onOpeningChange: (openingId: string) => void;
  onDateChange: (changes: Partial<Pick<AnalyticsFilters, 'from' | 'to'>>) => void;
  onDefaultRange: () => void;
  onClearDates: () => void;
};

/** The opening and the date range both reports cover; the page keeps them in the URL. */
export function AnalyticsFilterBar(props: AnalyticsFilterBarProps) {
  const id = useId();
  const openings = useOpeningOptions();
  const { filters, errors } = props;
  const known = openings.data?.items.some((o) => o.id === filters.openingId) ?? false;
  const field = (name: 'openingId' | 'from' | 'to') =>
    errors?.[name] ? 'toolbar__field field--invalid' : 'toolbar__field';
  const describedBy = (name: 'openingId' | 'from' | 'to') => (errors?.[name] ? `${id}-${name}-error` : undefined);
  const error = (name: 'openingId' | 'from' | 'to') =>
    errors?.[name] ? (
      <p id={`${id}-${name}-error`} className="field__error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <div className="toolbar analytics-filters" role="group" aria-label="Filters">
      <div className={`${field('openingId')} analytics-filters__opening`}>
        <label htmlFor={`${id}-opening`} className="field__label">
          Opening
        </label>
        <select
          id={`${id}-opening`}
          className="select"
          value={filters.openingId}
          onChange={(e) => props.onOpeningChange(e.target.value)}
          aria-invalid={Boolean(errors?.openingId)}
          aria-describedby={describedBy('openingId')}
        >
          <option value="">All openings</option>
          {filters.openingId && !known ? (
            <option value={filters.openingId}>{openings.isPending ? 'Loading…' : 'Unknown opening'}</option>
          ) : null}
          {openings.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
              {STATUS_SUFFIX[o.status]}
            </option>
          ))}
        </select>
        {error('openingId')}
        {openings.isError ? <p className="field__hint">Couldn’t load the openings; reload to try again.</p> : null}
      </div>
      <div className={`${field('from')} analytics-filters__date`}>
        <label htmlFor={`${id}-from`} className="field__label">
          From
        </label>
        <input
          id={`${id}-from`}
          className="input"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => props.onDateChange({ from: e.target.value })}
          aria-invalid={Boolean(errors?.from)}
          aria-describedby={describedBy('from')}
        />
        {error('from')}
      </div>
      <div className={`${field('to')} analytics-filters__date`}>
        <label htmlFor={`${id}-to`} className="field__label">
          To
        </label>
        <input
          id={`${id}-to`}
          className="input"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => props.onDateChange({ to: e.target.value })}
          aria-invalid={Boolean(errors?.to)}
          aria-describedby={describedBy('to')}
        />
        {error('to')}
      </div>
      <div className="analytics-filters__actions">
        {props.isDefaultRange ? null : (
          <button type="button" className="button button--secondary button--small" onClick={props.onDefaultRange}>
            Last {DEFAULT_RANGE_DAYS} days
          </button>
        )}
        {filters.from || filters.to ? (
          <button type="button" className="button button--ghost button--small" onClick={props.onClearDates}>
            Clear dates
          </button>
        ) : null}
      </div>
    </div>
  );
}
