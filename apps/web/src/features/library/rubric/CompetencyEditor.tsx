import { CompetencyCategory, type RubricContent } from '@scorecard/contracts';
import { useFieldArray, useFormContext, useWatch, type Path } from 'react-hook-form';
import { emptyCriterion } from '../kinds';
import { useEditorUi } from '../editor/EditorContext';
import { EditorField, ListMessage } from '../editor/EditorField';
import { fieldId } from '../editor/field-paths';
import { ItemControls, afterMove } from '../editor/ItemControls';
import { CriterionEditor } from './CriterionEditor';
import { CATEGORY_LABELS, competencyName, criterionName } from './rubric-text';
import { OptionList } from '@/components/ui/Field';

const MAX_CRITERIA = 20;

type CompetencyEditorProps = {
  index: number;
  count: number;
  itemKey: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
};

/** One competency: name, category, weight, description and its criteria. */
export function CompetencyEditor({ index, count, itemKey, onMove, onRemove }: CompetencyEditorProps) {
  const { register, control } = useFormContext<RubricContent>();
  const base = `competencies.${index}`;
  const path = (field: string) => `${base}.${field}` as Path<RubricContent>;
  const name = useWatch({ control, name: `competencies.${index}.name` });
  const label = competencyName(name, index);
  const headingId = `competency-${itemKey}`;

  return (
    <section className="competency" aria-labelledby={headingId}>
      <header className="competency__header">
        <h2 id={headingId} className="competency__title" tabIndex={-1}>
          <span className="competency__number">Competency {index + 1}</span>{' '}
          <span className="competency__name">{name.trim() || 'Untitled competency'}</span>
        </h2>
        <ItemControls
          itemKey={itemKey}
          name={label}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          removeLabel="Remove"
        />
      </header>
      <div className="competency__grid">
        <EditorField path={path('name')} label="Name">
          {(c) => <input {...c} {...register(path('name'))} className="input" autoComplete="off" />}
        </EditorField>
        <EditorField path={path('category')} label="Category">
          {(c) => (
            <select {...c} {...register(path('category'))} className="select">
              <OptionList values={CompetencyCategory.options} labels={CATEGORY_LABELS} />
            </select>
          )}
        </EditorField>
        <EditorField path={path('weight')} label="Weight" hint="Relative weight in the overall score.">
          {(c) => (
            <input
              {...c}
              {...register(`competencies.${index}.weight`, { valueAsNumber: true })}
              className="input input--number"
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
            />
          )}
        </EditorField>
        <EditorField path={path('description')} label="Description" className="competency__wide">
          {(c) => <textarea {...c} {...register(path('description'))} className="input textarea" rows={2} />}
        </EditorField>
      </div>
      <CriteriaList competencyIndex={index} competency={label} />
    </section>
  );
}

function CriteriaList({ competencyIndex, competency }: { competencyIndex: number; competency: string }) {
  const { control, getValues } = useFormContext<RubricContent>();
  const name = `competencies.${competencyIndex}.criteria` as const;
  const { fields, append, remove, move } = useFieldArray({ control, name });
  const ui = useEditorUi();

  return (
    <div className="criteria">
      <h3 className="visually-hidden">Criteria of {competency}</h3>
      {fields.map((field, index) => (
        <CriterionEditor
          key={field.id}
          competencyIndex={competencyIndex}
          index={index}
          count={fields.length}
          itemKey={field.key}
          onMove={(from, to) => {
            const title = criterionName(getValues(`${name}.${from}.title`), from);
            move(from, to);
            afterMove(ui, field.key, title, from, to, fields.length);
          }}
          onRemove={() => {
            const title = criterionName(getValues(`${name}.${index}.title`), index);
            const neighbour = fields[index + 1] ?? fields[index - 1];
            remove(index);
            ui.announce(`Removed ${title} from ${competency}.`);
            ui.focusLater(neighbour ? `criterion-${neighbour.key}` : fieldId(name));
          }}
        />
      ))}
      <div className="list-add">
        <button
          type="button"
          id={fieldId(name)}
          className="button button--secondary button--small"
          disabled={fields.length >= MAX_CRITERIA}
          onClick={() => {
            append(emptyCriterion(), { shouldFocus: false });
            ui.focusLater(fieldId(`${name}.${fields.length}.title`));
          }}
        >
          Add criterion<span className="visually-hidden"> to {competency}</span>
        </button>
        <ListMessage path={name} />
      </div>
    </div>
  );
}
