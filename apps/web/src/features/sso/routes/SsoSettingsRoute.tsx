import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Settings → Single sign-on (admins): the organization's OpenID Connect or SAML connection, allowed domains, default role, require SSO. */
export default function SsoSettingsRoute() {
  useDocumentTitle('Single sign-on');
  return <PageHeader title="Single sign-on" />;
}
