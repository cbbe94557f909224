import { PageHeader } from '@/components/ui/PageHeader';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Settings → Two-factor sign-in: enrol an authenticator app (QR code), recovery codes, turn it off; admins require it for the organization. */
export default function TwoFactorRoute() {
  useDocumentTitle('Two-factor sign-in');
  return <PageHeader title="Two-factor sign-in" />;
}
