import { zodResolver } from '@hookform/resolvers/zod';
import { RubricContent } from '@scorecard/contracts';
import { rubricPublishIssues } from '@scorecard/domain';
import { useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useFormContext } from 'react-hook-form';
import { Dialog } from '@/components/ui/Dialog';
import { rubricApi, type DocVersion } from '../api/library-api';
import { DraftFrame } from '../editor/DraftFrame';
import { useEditorUi } from '../editor/EditorContext';
import { ListMessage } from '../editor/EditorField';
import { fieldId } from '../editor/field-paths';
import { afterMove } from '../editor/ItemControls';
import { emptyCompetency } from '../kinds';
import { CompetencyEditor } from './CompetencyEditor';
import { competencyName, describeRubricPath, rubricChangeSentences } from './rubric-text';

const MAX_COMPETENCIES = 12;

type RubricEditorProps = {
  draft: DocVersion<RubricContent>;
  published: DocVersion<RubricContent> | null;
  history: ReactNode;
  onPublished: (version: DocVersion<RubricContent>) => void;
  onReload: () => void;
};

/** The rubric draft editor: the contract's schema drives validation, the domain's rules the publish check. */
export function RubricEditor({ draft, published, history, onPublished, onReload }: RubricEditorProps) {
  const form = useForm<RubricContent>({ resolver: zodResolver(RubricContent), defaultValues: draft.content });
  return (
    <DraftFrame
      docApi={rubricApi}
      noun="rubric"
      draft={draft}
      previousVersion={published?.version ?? null}
      form={form}
      issuesOf={rubricPublishIssues}
      describePath={describeRubricPath}
      changesOf={(values) => (published ? rubricChangeSentences(published.content, values) : [])}
      aside={history}
      onPublished={onPublished}
      onReload={onReload}
    >
      <CompetencyList />
    </DraftFrame>
  );
}

function CompetencyList() {
  const { control, getValues } = useFormContext<RubricContent>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'competencies' });
  const ui = useEditorUi();
  const [removing, setRemoving] = useState<number | null>(null);
  const removingName = removing === null ? '' : competencyName(getValues(`competencies.${removing}.name`), removing);
  const removingCriteria = removing === null ? 0 : (getValues(`competencies.${removing}.criteria`)?.length ?? 0);

  const confirmRemove = () => {
    if (removing === null) return;
    const neighbour = fields[removing + 1] ?? fields[removing - 1];
    remove(removing);
    setRemoving(null);
    ui.announce(`Removed ${removingName}.`);
    ui.focusLater(neighbour ? `competency-${neighbour.key}` : fieldId('competencies'));
  };

  return (
    <>
      <div className="competency-list">
        {fields.map((field, index) => (
          <CompetencyEditor
            key={field.id}
            index={index}
            count={fields.length}
            itemKey={field.key}
            onMove={(from, to) => {
              const name = competencyName(getValues(`competencies.${from}.name`), from);
              move(from, to);
              afterMove(ui, field.key, name, from, to, fields.length);
            }}
            onRemove={() => setRemoving(index)}
          />
        ))}
      </div>
      <div className="list-add list-add--main">
        <button
          type="button"
          id={fieldId('competencies')}
          className="button button--secondary"
          disabled={fields.length >= MAX_COMPETENCIES}
          onClick={() => {
            append(emptyCompetency(), { shouldFocus: false });
            ui.focusLater(fieldId(`competencies.${fields.length}.name`));
          }}
        >
          Add competency
        </button>
        <ListMessage path="competencies" />
      </div>
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        role="alertdialog"
        title={`Remove ${removingName}?`}
        description={
          <p>
            Its {removingCriteria === 1 ? 'criterion goes' : `${removingCriteria} criteria go`} with it. Published
            versions keep it; this draft won’t have it once you save.
          </p>
        }
      >
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={() => setRemoving(null)} autoFocus>
            Keep it
          </button>
          <button type="button" className="button button--danger" onClick={confirmRemove}>
            Remove competency
          </button>
        </div>
      </Dialog>
    </>
  );
}
