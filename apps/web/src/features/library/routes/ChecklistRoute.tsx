import { ChecklistEditor } from '../checklist/ChecklistEditor';
import { ChecklistView } from '../checklist/ChecklistView';
import { DocPage } from '../components/DocPage';
import { checklistKind } from '../kinds';

export default function ChecklistRoute() {
  return (
    <DocPage
      config={checklistKind}
      renderView={(content) => <ChecklistView content={content} />}
      renderEditor={(args) => <ChecklistEditor {...args} />}
    />
  );
}
