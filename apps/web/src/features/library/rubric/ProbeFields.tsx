import type { RubricContent } from '@scorecard/contracts';
import { useFormContext, useWatch, type Path } from 'react-hook-form';
import { useEditorUi } from '../editor/EditorContext';
import { EditorField } from '../editor/EditorField';
import { fieldId } from '../editor/field-paths';

const MAX_PROBES = 10;

/** Follow-up probes: a short list of inputs with add and remove (plain strings, so not a field array). */
export function ProbeFields({ path, criterion }: { path: string; criterion: string }) {
  const { control, setValue } = useFormContext<RubricContent>();
  const name = path as Path<RubricContent>;
  const probes = (useWatch({ control, name }) as string[] | undefined) ?? [];
  const ui = useEditorUi();
  const update = (next: string[]) => setValue(name, next as never, { shouldDirty: true });

  return (
    <fieldset className="probes">
      <legend className="probes__legend">Follow-up probes</legend>
      {probes.length === 0 ? (
        <p className="field__hint">None yet. Probes are the follow-up questions every interviewer may ask.</p>
      ) : (
        <ol className="probes__list">
          {probes.map((probe, i) => (
            <li key={i} className="probes__item">
              <EditorField path={`${path}.${i}`} label={`Probe ${i + 1}`}>
                {(controlProps) => (
                  <input
                    {...controlProps}
                    className="input"
                    value={probe}
                    onChange={(e) =>
                      setValue(`${path}.${i}` as Path<RubricContent>, e.target.value as never, { shouldDirty: true })
                    }
                  />
                )}
              </EditorField>
              <button
                type="button"
                className="button button--ghost button--small button--danger-text"
                onClick={() => {
                  update(probes.filter((_, j) => j !== i));
                  ui.announce(`Removed probe ${i + 1} of ${criterion}.`);
                  ui.focusLater(probes.length > 1 ? fieldId(`${path}.${Math.max(0, i - 1)}`) : fieldId(path));
                }}
              >
                Remove<span className="visually-hidden"> probe {i + 1}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        id={fieldId(path)}
        className="button button--secondary button--small"
        disabled={probes.length >= MAX_PROBES}
        onClick={() => {
          update([...probes, '']);
          ui.focusLater(fieldId(`${path}.${probes.length}`));
        }}
      >
        Add probe<span className="visually-hidden"> to {criterion}</span>
      </button>
    </fieldset>
  );
}
