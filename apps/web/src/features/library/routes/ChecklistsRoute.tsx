import { LibraryListPage } from '../components/LibraryListPage';
import { checklistKind } from '../kinds';

export default function ChecklistsRoute() {
  return <LibraryListPage config={checklistKind} />;
}
