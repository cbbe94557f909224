import { useId } from 'react';
import { PageHeader } from '@/components/ui/PageHeader';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { CopyField } from '@/components/ui/CopyField';
import { ScimTokensPanel } from '../components/ScimTokensPanel';
import '../scim.css';

/** Settings → Provisioning (admins): the SCIM address and the SCIM tokens (create, shown once, revoke). */
export default function ScimSettingsRoute() {
  useDocumentTitle('Provisioning');
  const { user } = useSession();
  const titleId = useId();
  const baseUrl = `${window.location.origin}/scim/v2`;
  return (
    <>
      <PageHeader
        title="Provisioning"
        description="Let your identity provider add people, keep their names and roles up to date, and deactivate them when they leave (SCIM 2.0)."
      />
      {user.role !== 'admin' ? (
        <div className="panel panel--padded">
          <p>Only admins set up provisioning.</p>
        </div>
      ) : (
        <div className="scim-settings">
          <section className="panel panel--padded" aria-labelledby={titleId}>
            <div className="section-header">
              <div>
                <h2 id={titleId} className="section-header__title">
                  SCIM connection
                </h2>
                <p className="section-header__description">
                  In Okta or Microsoft Entra ID, set the SCIM base URL (tenant URL) to this address and the
                  authentication to a bearer token created below. Groups map to roles: Admins, Recruiters, Hiring
                  managers, Interviewers. People removed or deactivated there are deactivated here and signed out at
                  once.
                </p>
              </div>
            </div>
            <CopyField label="SCIM base URL" value={baseUrl} />
          </section>
          <ScimTokensPanel />
        </div>
      )}
    </>
  );
}
