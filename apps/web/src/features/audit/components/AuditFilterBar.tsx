import { AUDIT_ENTITY_TYPES, AUDITED_ACTIONS } from '@scorecard/contracts';
import { DateFilter, FilterBar, SelectFilter } from '@/components/ui/FilterBar';
import { useAuditActors } from '../api/audit-queries';
import { actionLabel, entityLabel } from '../audit-copy';
import type { AuditFilters, DateErrors } from '../audit-filters';

const ACTIONS = AUDITED_ACTIONS.map((a) => ({ value: a.action, label: actionLabel(a.action) })).sort((a, b) =>
  a.label.localeCompare(b.label),
);
const ENTITY_TYPES = AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: entityLabel(t) })).sort((a, b) =>
  a.label.localeCompare(b.label),
);

type AuditFilterBarProps = {
  filters: AuditFilters;
  errors: DateErrors | null;
  onChange: (changes: Partial<AuditFilters>) => void;
  onClear: () => void;
};

/** Who, what, which kind of thing and when; the page keeps them in the URL. */
export function AuditFilterBar({ filters, errors, onChange, onClear }: AuditFilterBarProps) {
  const actors = useAuditActors();
  const people = actors.data?.map((u) => ({ value: u.id, label: `${u.name}${u.active ? '' : ' (deactivated)'}` }));
  const dateField = (name: 'from' | 'to', label: string) => (
    <DateFilter
      label={label}
      value={filters[name]}
      min={name === 'to' ? filters.from : undefined}
      max={name === 'from' ? filters.to : undefined}
      onChange={(value) => onChange({ [name]: value })}
      error={errors?.[name] ?? null}
    />
  );
  return (
    <FilterBar label="Filter the audit log" className="audit-filters">
      <SelectFilter
        label="Person"
        all="Anyone"
        unknown={actors.isPending ? 'Loading…' : 'Unknown person'}
        options={people}
        value={filters.actor}
        onChange={(actor) => onChange({ actor })}
        hint={actors.isError ? <p className="field__hint">Couldn’t load the people; reload to try again.</p> : null}
      />
      <SelectFilter
        label="Action"
        all="Any action"
        unknown={actionLabel(filters.action)}
        options={ACTIONS}
        value={filters.action}
        onChange={(action) => onChange({ action })}
      />
      <SelectFilter
        label="Applies to"
        all="Anything"
        unknown={entityLabel(filters.entityType)}
        options={ENTITY_TYPES}
        value={filters.entityType}
        onChange={(entityType) => onChange({ entityType })}
      />
      {dateField('from', 'From')}
      {dateField('to', 'To')}
      {filters.actor || filters.action || filters.entityType || filters.from || filters.to ? (
        <div className="audit-filters__actions">
          <button type="button" className="button button--ghost button--small" onClick={onClear}>
            Clear filters
          </button>
        </div>
      ) : null}
    </FilterBar>
  );
}
