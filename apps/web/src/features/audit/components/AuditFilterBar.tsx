import { AUDIT_ENTITY_TYPES, AUDITED_ACTIONS } from '@scorecard/contracts';
import { useId } from 'react';
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
  const id = useId();
  const actors = useAuditActors();
  const knownActor = actors.data?.some((u) => u.id === filters.actor) ?? false;
  const knownAction = ACTIONS.some((a) => a.value === filters.action);
  const knownType = ENTITY_TYPES.some((t) => t.value === filters.entityType);
  const dateField = (name: 'from' | 'to', label: string) => (
    <div className={errors?.[name] ? 'toolbar__field field--invalid' : 'toolbar__field'}>
      <label htmlFor={`${id}-${name}`} className="field__label">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className="input"
        type="date"
        value={filters[name]}
        min={name === 'to' ? filters.from || undefined : undefined}
        max={name === 'from' ? filters.to || undefined : undefined}
        onChange={(e) => onChange({ [name]: e.target.value })}
        aria-invalid={Boolean(errors?.[name])}
        aria-describedby={errors?.[name] ? `${id}-${name}-error` : undefined}
      />
      {errors?.[name] ? (
        <p id={`${id}-${name}-error`} className="field__error">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <div className="toolbar audit-filters" role="search" aria-label="Filter the audit log">
      <div className="toolbar__field">
        <label htmlFor={`${id}-actor`} className="field__label">
          Person
        </label>
        <select
          id={`${id}-actor`}
          className="select"
          value={filters.actor}
          onChange={(e) => onChange({ actor: e.target.value })}
        >
          <option value="">Anyone</option>
          {filters.actor && !knownActor ? (
            <option value={filters.actor}>{actors.isPending ? 'Loading…' : 'Unknown person'}</option>
          ) : null}
          {actors.data?.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
              {u.active ? '' : ' (deactivated)'}
            </option>
          ))}
        </select>
        {actors.isError ? <p className="field__hint">Couldn’t load the people; reload to try again.</p> : null}
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-action`} className="field__label">
          Action
        </label>
        <select
          id={`${id}-action`}
          className="select"
          value={filters.action}
          onChange={(e) => onChange({ action: e.target.value })}
        >
          <option value="">Any action</option>
          {filters.action && !knownAction ? (
            <option value={filters.action}>{actionLabel(filters.action)}</option>
          ) : null}
          {ACTIONS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar__field">
        <label htmlFor={`${id}-entity`} className="field__label">
          Applies to
        </label>
        <select
          id={`${id}-entity`}
          className="select"
          value={filters.entityType}
          onChange={(e) => onChange({ entityType: e.target.value })}
        >
          <option value="">Anything</option>
          {filters.entityType && !knownType ? (
            <option value={filters.entityType}>{entityLabel(filters.entityType)}</option>
          ) : null}
          {ENTITY_TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {dateField('from', 'From')}
      {dateField('to', 'To')}
      {filters.actor || filters.action || filters.entityType || filters.from || filters.to ? (
        <div className="audit-filters__actions">
          <button type="button" className="button button--ghost button--small" onClick={onClear}>
            Clear filters
          </button>
        </div>
      ) : null}
    </div>
  );
}
