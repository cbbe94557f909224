import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The SSO sign-in page: find the organization by email domain or short name and go to its identity provider. */
export default function SsoSignInRoute() {
  useDocumentTitle('Sign in with SSO');
  return <PageHeader title="Sign in with SSO" />;
}
