import { DocPage } from '../components/DocPage';
import { rubricKind } from '../kinds';
import { RubricEditor } from '../rubric/RubricEditor';
import { RubricView } from '../rubric/RubricView';

export default function RubricRoute() {
  return (
    <DocPage
      config={rubricKind}
      renderView={(content) => <RubricView content={content} />}
      renderEditor={(args) => <RubricEditor {...args} />}
    />
  );
}
