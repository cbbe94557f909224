import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Placeholder: issue 21 fills this page in. */
export default function AcceptInvitationRoute() {
  useDocumentTitle('Accept your invitation');
  return <PageHeader title="Accept your invitation" />;
}
