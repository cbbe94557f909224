import { useId, type ReactNode } from 'react';

type FilterBarProps = {
  /** The bar's accessible name, such as "Filter candidates". */
  label: string;
  className?: string;
  /** `search` for the filters of a list; `group` for controls that scope a report. */
  role?: 'search' | 'group';
  children: ReactNode;
};

/** The toolbar above a list or a report that holds its search and filters. */
export function FilterBar({ label, className, role = 'search', children }: FilterBarProps) {
  return (
    <div className={className ? `toolbar ${className}` : 'toolbar'} role={role} aria-label={label}>
      {children}
    </div>
  );
}

/** What a filter's control needs from its field: an id for the label, and its error when invalid. */
type ControlProps = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

type FilterFieldProps = {
  label: ReactNode;
  /** A field that can be invalid passes its message, or null while valid. */
  error?: string | null | undefined;
  /** Below the control, for example "Couldn’t load the people". */
  hint?: ReactNode;
  className?: string;
  control: (props: ControlProps) => ReactNode;
};

/** One labelled filter of a toolbar, with its error below when it has one. */
export function FilterField({ label, error, hint, className, control }: FilterFieldProps) {
  const id = useId();
  const classes = ['toolbar__field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ');
  const aria =
    error === undefined
      ? {}
      : { 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined };
  return (
    <div className={classes}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {control({ id, ...aria })}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {hint}
    </div>
  );
}

type SearchFilterProps = {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  label?: string;
};

/** The search box of a list; the list debounces what it sends (see `useListParams`). */
export function SearchFilter({ value, onChange, placeholder, label = 'Search' }: SearchFilterProps) {
  return (
    <FilterField
      label={label}
      className="toolbar__field--grow"
      control={(props) => (
        <input
          {...props}
          className="input input--search"
          type="search"
          placeholder={placeholder}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    />
  );
}

export type FilterOption<T extends string> = { value: T; label: string };

/** The options of a select from a list of values and their labels. */
export function labelled<T extends string>(values: readonly T[], labels: Record<T, string>): FilterOption<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

type SelectFilterProps<V extends string> = {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly FilterOption<Exclude<V, ''>>[] | undefined;
  /** The first option, which filters nothing ("All sources"); none when the select always has a value. */
  all?: string;
  /** The label of a value the options don't hold (from the URL, or not loaded yet). */
  unknown?: string;
  error?: string | null | undefined;
  hint?: ReactNode;
  className?: string;
};

/** A filter that picks one of a few values, or all of them. */
export function SelectFilter<V extends string>(props: SelectFilterProps<V>) {
  const { value, options, unknown } = props;
  return (
    <FilterField
      label={props.label}
      error={props.error}
      hint={props.hint}
      className={props.className}
      control={(control) => (
        <select {...control} className="select" value={value} onChange={(e) => props.onChange(e.target.value as V)}>
          {props.all === undefined ? null : <option value="">{props.all}</option>}
          {unknown !== undefined && value && !options?.some((o) => o.value === value) ? (
            <option value={value}>{unknown}</option>
          ) : null}
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

type DateFilterProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  error?: string | null | undefined;
  className?: string;
};

/** One end of a date range. */
export function DateFilter({ label, value, onChange, min, max, error, className }: DateFilterProps) {
  return (
    <FilterField
      label={label}
      error={error}
      className={className}
      control={(props) => (
        <input
          {...props}
          className="input"
          type="date"
          value={value}
          min={min || undefined}
          max={max || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    />
  );
}
