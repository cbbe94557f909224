import { Link } from 'react-router';
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
      extraActions={(doc) => (
        <Link className="button button--secondary" to={`/rubrics/${doc.id}/questions`}>
          Question bank
        </Link>
      )}
    />
  );
}
