import { ROLE_LABELS, type Person } from '@scorecard/contracts';
import { useId, useState } from 'react';

type InterviewerPickerProps = {
  people: readonly Person[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
};

/** Default interviewers of a step: a searchable checkbox list of the organization's active people. */
export function InterviewerPicker({ people, value, onChange, error }: InterviewerPickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const term = search.trim().toLowerCase();
  const shown = term ? people.filter((p) => p.name.toLowerCase().includes(term)) : people;
  const selected = people.filter((p) => value.includes(p.id));
  const toggle = (personId: string, checked: boolean) =>
    onChange(checked ? [...value, personId] : value.filter((v) => v !== personId));

  return (
    <fieldset className="picker" aria-describedby={`${id}-summary${error ? ` ${id}-error` : ''}`}>
      <legend className="field__label">Default interviewers</legend>
      <p id={`${id}-summary`} className="field__hint">
        {selected.length === 0
          ? 'None chosen yet.'
          : `${selected.length} chosen: ${selected.map((p) => p.name).join(', ')}.`}
      </p>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        Find an interviewer
      </label>
      <input
        id={`${id}-search`}
        className="input input--search input--small"
        type="search"
        placeholder="Find an interviewer"
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ul className="picker__list">
        {shown.map((person) => (
          <li key={person.id} className="picker__item">
            <input
              id={`${id}-${person.id}`}
              type="checkbox"
              className="checkbox"
              checked={value.includes(person.id)}
              onChange={(e) => toggle(person.id, e.target.checked)}
            />
            <label htmlFor={`${id}-${person.id}`}>{person.name}</label>
            <span className="picker__meta">{ROLE_LABELS[person.role]}</span>
          </li>
        ))}
        {shown.length === 0 ? <li className="picker__empty">Nobody matches “{search.trim()}”.</li> : null}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
