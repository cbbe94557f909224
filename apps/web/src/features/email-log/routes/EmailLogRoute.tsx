import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Placeholder: issue 21 fills this page in. */
export default function EmailLogRoute() {
  useDocumentTitle('Email log');
  return <PageHeader title="Email log" />;
}
