import type { OpeningStatus } from '@scorecard/contracts';
import { DateFilter, FilterBar, SelectFilter } from '@/components/ui/FilterBar';
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
  const openings = useOpeningOptions();
  const { filters, errors } = props;
  const options = openings.data?.items.map((o) => ({ value: o.id, label: `${o.title}${STATUS_SUFFIX[o.status]}` }));
  return (
    <FilterBar label="Filters" role="group" className="analytics-filters">
      <SelectFilter
        label="Opening"
        all="All openings"
        unknown={openings.isPending ? 'Loading…' : 'Unknown opening'}
        options={options}
        value={filters.openingId}
        onChange={props.onOpeningChange}
        error={errors?.openingId ?? null}
        hint={openings.isError ? <p className="field__hint">Couldn’t load the openings; reload to try again.</p> : null}
        className="analytics-filters__opening"
      />
      {(['from', 'to'] as const).map((name) => (
        <DateFilter
          key={name}
          label={name === 'from' ? 'From' : 'To'}
          value={filters[name]}
          min={name === 'to' ? filters.from : undefined}
          max={name === 'from' ? filters.to : undefined}
          onChange={(value) => props.onDateChange({ [name]: value })}
          error={errors?.[name] ?? null}
          className="analytics-filters__date"
        />
      ))}
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
    </FilterBar>
  );
}
