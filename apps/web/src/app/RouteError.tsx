import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { CenteredPage } from '@/components/ui/CenteredPage';

/** Last resort when a page fails to render (or its code fails to load, e.g. after a deploy). */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : 'This page ran into a problem. Reloading usually fixes it.';
  return (
    <CenteredPage center role="alert">
      <h1 className="auth__title">Something went wrong</h1>
      <p className="auth__lead">{message}</p>
      <div className="form__actions form__actions--center">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link to="/" className="button button--secondary" reloadDocument>
          Go to home
        </Link>
      </div>
    </CenteredPage>
  );
}
