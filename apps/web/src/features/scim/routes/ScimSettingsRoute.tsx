import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Settings → Provisioning (admins): the SCIM address and the SCIM tokens (create, shown once, revoke). */
export default function ScimSettingsRoute() {
  useDocumentTitle('Provisioning');
  return <PageHeader title="Provisioning" />;
}
