import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Placeholder: issue 21 fills this page in. */
export default function EmailRoute() {
  useDocumentTitle('Email');
  return <PageHeader title="Email" />;
}
