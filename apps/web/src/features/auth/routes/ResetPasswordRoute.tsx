import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Placeholder: issue 21 fills this page in. */
export default function ResetPasswordRoute() {
  useDocumentTitle('Choose a new password');
  return <PageHeader title="Choose a new password" />;
}
