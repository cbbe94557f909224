import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type Me } from '@scorecard/contracts';
import {
  Suspense,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Logo } from '@/components/ui/Logo';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useLogout } from '@/features/auth/api/auth-mutations';
import { useOverdueCount } from '@/features/scorecards/api/my-interviews';
import { errorMessage } from '@/lib/api';
import { SessionProvider, loginPath, meQueryOptions } from '@/lib/session';

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

/** The navigation links a role sees, in order. */
function navLinks(role: Me['user']['role']): { to: string; label: string; end?: boolean }[] {
  const manages = role === 'admin' || role === 'hiring_manager' || role === 'recruiter';
  return [
    ...(manages
      ? [
          { to: '/openings', label: 'Openings' },
          { to: '/candidates', label: 'Candidates' },
          { to: '/rubrics', label: 'Rubrics' },
          { to: '/red-flags', label: 'Red flags' },
          { to: '/analytics', label: 'Analytics' },
        ]
      : []),
    ...(role === 'admin'
      ? [
          { to: '/users', label: 'Users' },
          { to: '/admin/audit', label: 'Audit log' },
        ]
      : []),
    { to: '/settings', label: 'Settings' },
  ];
}

/**
 * The sticky header. On a wide screen the logo and the organization's name share the first row with
 * the signed-in person, and the links take a row of their own below (wrapping if they ever need two),
 * so nothing overlaps whatever the role. On a narrow screen (where the CSS shows the Menu button) the
 * links and the account sit behind a disclosure button. The header's height is published as
 * `--header-height`, which sticky bars and scrolling to a field (`scroll-padding-top`) use.
 */
function Header({ session }: { session: Me }) {
  const { user, organization } = session;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useHeaderHeight(headerRef);
  // The account (name, role, Sign out) sits in the bar on a wide screen and in the menu on a narrow one.
  const narrow = useMediaQuery(NARROW);

  // Following a link closes the menu (focus then moves to the new page's heading).
  useEffect(() => setMenuOpen(false), [pathname]);

  // While open, a press or click outside the navigation closes it.
  useEffect(() => {
    if (!menuOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (navRef.current && !navRef.current.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [menuOpen]);

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: async () => {
        // Leave the signed-in shell first, then forget the previous user's data.
        await navigate('/login', { replace: true });
        queryClient.clear();
      },
    });

  const account = (
    <>
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
    </>
  );

  return (
    <header className="header" ref={headerRef}>
      <div className="header__inner">
        <div className="header__brand">
          <Link to="/" className="header__logo" aria-label="Scorecard home">
            <Logo />
          </Link>
          <span className="header__org" title={organization.name}>
            {organization.name}
          </span>
        </div>
        {narrow ? null : <div className="header__user">{account}</div>}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape from a focused link inside closes the menu */}
        <nav
          className="nav"
          aria-label="Main"
          ref={navRef}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && menuOpen) {
              event.stopPropagation();
              setMenuOpen(false);
              toggleRef.current?.focus();
            }
          }}
          onBlur={(event) => {
            // Tabbing out of the open menu closes it.
            const next = event.relatedTarget as Node | null;
            if (menuOpen && next && !event.currentTarget.contains(next)) setMenuOpen(false);
          }}
        >
          <button
            ref={toggleRef}
            type="button"
            className="nav__toggle"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
              {menuOpen ? (
                <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              ) : (
                <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              )}
            </svg>
            Menu
            <OverdueBadge />
          </button>
          <div className="nav__panel" id={menuId} data-open={menuOpen ? '' : undefined}>
            <ul className="nav__list">
              <li>
                <NavLink to="/" end className="nav__link">
                  Home
                </NavLink>
              </li>
              <li>
                <MyInterviewsLink />
              </li>
              {navLinks(user.role).map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} className="nav__link">
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            {narrow ? (
              <div className="nav__account">
                <span className="nav__org">{organization.name}</span>
                {account}
              </div>
            ) : null}
          </div>
        </nav>
      </div>
      {logout.isError ? (
        <div className="container">
          <Alert onDismiss={() => logout.reset()}>Couldn’t sign out. {errorMessage(logout.error)}</Alert>
        </div>
      ) : null}
    </header>
  );
}

/** Below this width (as in styles.css) the links and the account are behind the Menu button. */
const NARROW = '(max-width: 767px)';

/** Whether a media query matches now, following changes (a resized window, a rotated phone). */
function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Publishes the header's rendered height as the CSS variable `--header-height` on the document. */
function useHeaderHeight(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const header = ref.current;
    if (!header) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty('--header-height', `${Math.round(header.offsetHeight)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--header-height');
    };
  }, [ref]);
}

/** The overdue count on the closed menu's button, so the reminder shows at phone width too. */
function OverdueBadge() {
  const overdue = useOverdueCount();
  if (overdue === 0) return null;
  return (
    <span className="nav__count">
      <span aria-hidden="true">{overdue}</span>
      <span className="visually-hidden">, {overdue} scorecards overdue</span>
    </span>
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
