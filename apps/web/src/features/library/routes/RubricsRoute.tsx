import { LibraryListPage } from '../components/LibraryListPage';
import { rubricKind } from '../kinds';

export default function RubricsRoute() {
  return <LibraryListPage config={rubricKind} />;
}
