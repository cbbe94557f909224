import { NavLink, Outlet } from 'react-router';
import { useSession } from '@/lib/session';
import '../settings.css';

/** The settings a role sees, in order: everyone's own, then the organization's (admins). */
function settingsLinks(role: string): { to: string; label: string }[] {
  return [
    { to: '/settings/notifications', label: 'Your notifications' },
    { to: '/settings/two-factor', label: 'Two-factor sign-in' },
    ...(role === 'admin'
      ? [
          { to: '/settings/reminders', label: 'Scorecard reminders' },
          { to: '/settings/qualification', label: 'Interviewer qualification' },
          { to: '/settings/email-log', label: 'Email log' },
          { to: '/settings/sso', label: 'Single sign-on' },
          { to: '/settings/scim', label: 'Provisioning' },
          { to: '/settings/api-tokens', label: 'API tokens' },
          { to: '/settings/webhooks', label: 'Webhooks' },
          { to: '/settings/self-id', label: 'Self-identification' },
        ]
      : []),
  ];
}

/** Settings: a row of section links above the section's own page. */
export default function SettingsRoute() {
  const { user } = useSession();
  return (
    <div className="settings">
      <nav className="settings__nav" aria-label="Settings">
        <ul className="settings__tabs">
          {settingsLinks(user.role).map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} className="settings__tab">
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
