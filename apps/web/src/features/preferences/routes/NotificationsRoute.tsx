import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Placeholder: issue 21 fills this page in. */
export default function NotificationsRoute() {
  useDocumentTitle('Your notifications');
  return <PageHeader title="Your notifications" />;
}
