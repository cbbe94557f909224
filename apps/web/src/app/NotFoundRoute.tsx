import { Link } from 'react-router';
import { CenteredPage } from '@/components/ui/CenteredPage';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <CenteredPage center>
      <p className="eyebrow">404</p>
      <h1 className="auth__title">Page not found</h1>
      <p className="auth__lead">There’s nothing at this address. It may have moved, or the link may be mistyped.</p>
      <Link to="/" className="button button--primary">
        Go to home
      </Link>
    </CenteredPage>
  );
}
