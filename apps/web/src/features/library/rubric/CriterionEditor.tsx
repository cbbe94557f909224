import { QuestionType, type RubricContent } from '@scorecard/contracts';
import { useFormContext, useWatch, type Path } from 'react-hook-form';
import { EditorField } from '../editor/EditorField';
import { fieldId } from '../editor/field-paths';
import { ItemControls } from '../editor/ItemControls';
import { AnchorFields } from './AnchorFields';
import { ProbeFields } from './ProbeFields';
import { QUESTION_TYPE_LABELS, criterionName } from './rubric-text';
import { OptionList } from '@/components/ui/Field';

type CriterionEditorProps = {
  competencyIndex: number;
  index: number;
  count: number;
  itemKey: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
};

/** One criterion: its question, type, probes and the anchored rating scale. */
export function CriterionEditor({ competencyIndex, index, count, itemKey, onMove, onRemove }: CriterionEditorProps) {
  const { register, control } = useFormContext<RubricContent>();
  const base = `competencies.${competencyIndex}.criteria.${index}`;
  const path = (field: string) => `${base}.${field}` as Path<RubricContent>;
  const title = useWatch({ control, name: path('title') }) as string | undefined;
  const name = criterionName(title, index);
  const headingId = `criterion-${itemKey}`;

  return (
    <section className="criterion" aria-labelledby={headingId}>
      <header className="criterion__header">
        <h3 id={headingId} className="criterion__title" tabIndex={-1}>
          <span className="criterion__number">Criterion {index + 1}</span>{' '}
          <span className="criterion__name">{title?.trim() || 'Untitled criterion'}</span>
        </h3>
        <ItemControls
          itemKey={itemKey}
          name={name}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          removeLabel="Remove"
        />
      </header>
      <div className="criterion__grid">
        <EditorField path={path('title')} label="Title" hint="What it assesses, in a few words.">
          {(c) => <input {...c} {...register(path('title'))} className="input" autoComplete="off" />}
        </EditorField>
        <EditorField
          path={path('questionType')}
          label="Question type"
          hint="Behavioural: what they did. Situational: what they would do."
        >
          {(c) => (
            <select {...c} {...register(path('questionType'))} className="select">
              <OptionList values={QuestionType.options} labels={QUESTION_TYPE_LABELS} />
            </select>
          )}
        </EditorField>
        <EditorField path={path('prompt')} label="Question or prompt" className="criterion__wide">
          {(c) => <textarea {...c} {...register(path('prompt'))} className="input textarea" rows={3} />}
        </EditorField>
        <div className="check-field criterion__wide">
          <input
            type="checkbox"
            id={fieldId(path('whyLead'))}
            className="checkbox"
            aria-describedby={`${fieldId(path('whyLead'))}-hint`}
            {...register(path('whyLead'))}
          />
          <div>
            <label htmlFor={fieldId(path('whyLead'))}>Asks why they want to lead</label>
            <p id={`${fieldId(path('whyLead'))}-hint`} className="field__hint">
              Marks the question that asks why they want to lead rather than stay an individual contributor. The
              interview plan check looks for it.
            </p>
          </div>
        </div>
      </div>
      <ProbeFields path={path('probes')} criterion={name} />
      <AnchorFields path={path('anchors')} />
    </section>
  );
}
