import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type Me } from '@scorecard/contracts';
import { Suspense, useEffect, useRef } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Alert } from '../components/ui/Alert';
import { Logo } from '../components/ui/Logo';
import { ErrorState, LoadingState } from '../components/ui/States';
import { useLogout } from '../features/auth/api/auth-mutations';
import { useOverdueCount } from '../features/interviews/api/my-interviews';
import { errorMessage } from '../lib/api';
import { SessionProvider, loginPath, meQueryOptions } from '../lib/session';

/** The signed-in frame: resolves the session (or sends the visitor to sign in), header, navigation. */
export function AppShell() {
  const location = useLocation();
  const me = useQuery(meQueryOptions);

  if (me.isPending) {
    return (
      <div className="fullpage">
        <LoadingState label="Loading Scorecard…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <main className="fullpage" id="main">
        <ErrorState
          title="Scorecard didn’t load"
          error={me.error}
          onRetry={() => void me.refetch()}
          retrying={me.isFetching}
        />
      </main>
    );
  }
  if (me.data === null) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }

  return (
    <SessionProvider value={me.data}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header session={me.data} />
      <main className="main" id="main" tabIndex={-1}>
        <div className="container">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <FocusOnNavigate />
    </SessionProvider>
  );
}

function Header({ session }: { session: Me }) {
  const { user, organization } = session;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: async () => {
        // Leave the signed-in shell first, then forget the previous user's data.
        await navigate('/login', { replace: true });
        queryClient.clear();
      },
    });

  return (
    <header className="header">
      <div className="header__inner">
        <div className="header__brand">
          <Link to="/" className="header__logo" aria-label="Scorecard home">
            <Logo />
          </Link>
          <span className="header__org" title={organization.name}>
            {organization.name}
          </span>
        </div>
        <nav className="nav" aria-label="Main">
          <NavLink to="/" end className="nav__link">
            Home
          </NavLink>
          <MyInterviewsLink />
          {user.role === 'admin' || user.role === 'hiring_manager' || user.role === 'recruiter' ? (
            <NavLink to="/openings" className="nav__link">
              Openings
            </NavLink>
          ) : null}
          {user.role === 'admin' || user.role === 'hiring_manager' || user.role === 'recruiter' ? (
            <NavLink to="/candidates" className="nav__link">
              Candidates
            </NavLink>
          ) : null}
          {user.role === 'admin' || user.role === 'hiring_manager' || user.role === 'recruiter' ? (
            <>
              <NavLink to="/rubrics" className="nav__link">
                Rubrics
              </NavLink>
              <NavLink to="/red-flags" className="nav__link">
                Red flags
              </NavLink>
            </>
          ) : null}
          {user.role === 'admin' || user.role === 'hiring_manager' || user.role === 'recruiter' ? (
            <NavLink to="/analytics" className="nav__link">
              Analytics
            </NavLink>
          ) : null}
          {user.role === 'admin' ? (
            <>
              <NavLink to="/users" className="nav__link">
                Users
              </NavLink>
              <NavLink to="/admin/audit" className="nav__link">
                Audit log
              </NavLink>
            </>
          ) : null}
        </nav>
        <div className="header__user">
          <div className="header__identity">
            <span className="header__name">{user.name}</span>
            <span className="header__role">{ROLE_LABELS[user.role]}</span>
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={signOut}
            disabled={logout.isPending}
          >
            {logout.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
      {logout.isError ? (
        <div className="container">
          <Alert onDismiss={() => logout.reset()}>Couldn’t sign out. {errorMessage(logout.error)}</Alert>
        </div>
      ) : null}
    </header>
  );
}

/** Everyone may interview; the count of overdue scorecards beside it is the in-app reminder. */
function MyInterviewsLink() {
  const overdue = useOverdueCount();
  return (
    <NavLink to="/interviews" className="nav__link">
      My interviews
      {overdue > 0 ? (
        <span className="nav__count">
          <span aria-hidden="true">{overdue}</span>
          <span className="visually-hidden">, {overdue} overdue</span>
        </span>
      ) : null}
    </NavLink>
  );
}

/**
 * After an in-app navigation, moves focus to the new page's heading so keyboard and screen-reader
 * users start at the top of the new content (the first load keeps the browser's default).
 */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#main [data-page-heading]');
      if (heading) heading.focus();
      else if (tries++ < 60) frame = requestAnimationFrame(focusHeading);
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
}
