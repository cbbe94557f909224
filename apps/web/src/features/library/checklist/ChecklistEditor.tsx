import { zodResolver } from '@hookform/resolvers/zod';
import { ChecklistContent, Severity } from '@scorecard/contracts';
import { checklistPublishIssues } from '@scorecard/domain';
import type { ReactNode } from 'react';
import { useFieldArray, useForm, useFormContext, useWatch } from 'react-hook-form';
import { checklistApi, type DocVersion } from '../api/library-api';
import { DraftFrame } from '../editor/DraftFrame';
import { useEditorUi } from '../editor/EditorContext';
import { EditorField, ListMessage } from '../editor/EditorField';
import { fieldId } from '../editor/field-paths';
import { ItemControls, afterMove } from '../editor/ItemControls';
import { emptyRedFlag } from '../kinds';
import {
  SEVERITY_HINTS,
  SEVERITY_LABELS,
  checklistChangeSentences,
  describeChecklistPath,
  redFlagName,
} from './checklist-text';
import { OptionList } from '@/components/ui/Field';

const MAX_ITEMS = 50;

type ChecklistEditorProps = {
  draft: DocVersion<ChecklistContent>;
  published: DocVersion<ChecklistContent> | null;
  history: ReactNode;
  onPublished: (version: DocVersion<ChecklistContent>) => void;
  onReload: () => void;
};

export function ChecklistEditor({ draft, published, history, onPublished, onReload }: ChecklistEditorProps) {
  const form = useForm<ChecklistContent>({ resolver: zodResolver(ChecklistContent), defaultValues: draft.content });
  return (
    <DraftFrame
      docApi={checklistApi}
      noun="red-flag checklist"
      draft={draft}
      previousVersion={published?.version ?? null}
      form={form}
      issuesOf={checklistPublishIssues}
      describePath={describeChecklistPath}
      changesOf={(values) => (published ? checklistChangeSentences(published.content, values) : [])}
      aside={history}
      onPublished={onPublished}
      onReload={onReload}
    >
      <RedFlagList />
    </DraftFrame>
  );
}

function RedFlagList() {
  const { control, getValues } = useFormContext<ChecklistContent>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'items' });
  const ui = useEditorUi();
  return (
    <section className="panel redflag-panel" aria-labelledby="redflag-edit-title">
      <h2 id="redflag-edit-title" className="redflag-panel__title">
        Red flags
      </h2>
      <ol className="redflag-list">
        {fields.map((field, index) => (
          <RedFlagEditor
            key={field.id}
            index={index}
            count={fields.length}
            itemKey={field.key}
            onMove={(from, to) => {
              const name = redFlagName(getValues(`items.${from}.description`), from);
              move(from, to);
              afterMove(ui, field.key, name, from, to, fields.length);
            }}
            onRemove={() => {
              const name = redFlagName(getValues(`items.${index}.description`), index);
              remove(index);
              ui.announce(`Removed ${name}.`);
              const next = Math.min(index, fields.length - 2);
              ui.focusLater(next >= 0 ? fieldId(`items.${next}.description`) : fieldId('items'));
            }}
          />
        ))}
      </ol>
      <div className="list-add list-add--panel">
        <button
          type="button"
          id={fieldId('items')}
          className="button button--secondary"
          disabled={fields.length >= MAX_ITEMS}
          onClick={() => {
            append(emptyRedFlag(), { shouldFocus: false });
            ui.focusLater(fieldId(`items.${fields.length}.description`));
          }}
        >
          Add red flag
        </button>
        <ListMessage path="items" />
      </div>
    </section>
  );
}

type RedFlagEditorProps = {
  index: number;
  count: number;
  itemKey: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
};

function RedFlagEditor({ index, count, itemKey, onMove, onRemove }: RedFlagEditorProps) {
  const { register, control } = useFormContext<ChecklistContent>();
  const severity = useWatch({ control, name: `items.${index}.severity` });
  const description = useWatch({ control, name: `items.${index}.description` });
  return (
    <li className={`redflag redflag--edit redflag--${severity}`}>
      <div className="redflag__fields">
        <EditorField path={`items.${index}.description`} label={`Red flag ${index + 1}`}>
          {(c) => <textarea {...c} {...register(`items.${index}.description`)} className="input textarea" rows={2} />}
        </EditorField>
        <EditorField path={`items.${index}.severity`} label="Severity" hint={SEVERITY_HINTS[severity]}>
          {(c) => (
            <select {...c} {...register(`items.${index}.severity`)} className="select">
              <OptionList values={Severity.options} labels={SEVERITY_LABELS} />
            </select>
          )}
        </EditorField>
      </div>
      <ItemControls
        itemKey={itemKey}
        name={redFlagName(description, index)}
        index={index}
        count={count}
        onMove={onMove}
        onRemove={onRemove}
        removeLabel="Remove"
      />
    </li>
  );
}
