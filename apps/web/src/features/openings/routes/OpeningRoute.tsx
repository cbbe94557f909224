import { ARCHETYPE_LABELS, LEVEL_LABELS, type Opening } from '@scorecard/contracts';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { NoticeSlot } from '@/components/ui/Alert';
import { OpeningNotFound } from '@/components/ui/OpeningNotFound';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryPage, useIdParam } from '@/components/ui/PageStates';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useOpening } from '../api/get-opening';
import { useUpdateOpening } from '../api/opening-mutations';
import { NoOpeningsAccess } from '../components/NoOpeningsAccess';
import { OpeningForm } from '../components/OpeningForm';
import { OpeningStatusPanel } from '../components/OpeningStatusPanel';
import { OpeningSummary } from '../components/OpeningSummary';
import { PlanSection } from '../components/PlanSection';
import { canEditOpenings, canReadOpenings } from '../opening-access';
import { openingFormValues } from '../opening-form';

export default function OpeningRoute() {
  const id = useIdParam();
  const { user } = useSession();
  const allowed = canReadOpenings(user.role);
  const opening = useOpening(allowed ? id : null);
  useDocumentTitle(opening.data?.title ?? 'Opening');
  return (
    <QueryPage
      query={opening}
      copy={{ title: 'Opening', loading: 'Loading the opening…', failed: 'Couldn’t load this opening' }}
      noAccess={{ allowed, page: <NoOpeningsAccess /> }}
      notFound={{ found: id !== null, page: <OpeningNotFound before={<Breadcrumb />} /> }}
      before={<Breadcrumb />}
    >
      {(data) => (
        <OpeningPage
          opening={data}
          canEdit={canEditOpenings(user.role)}
          reload={async () => (await opening.refetch()).data}
        />
      )}
    </QueryPage>
  );
}

function Breadcrumb() {
  return (
    <p className="breadcrumb">
      <Link to="/openings">Openings</Link>
    </p>
  );
}

type OpeningPageProps = { opening: Opening; canEdit: boolean; reload: () => Promise<Opening | undefined> };

function OpeningPage({ opening, canEdit, reload }: OpeningPageProps) {
  const update = useUpdateOpening(opening.id);
  /** The revision the profile edit started from (null when not editing). */
  const [editing, setEditing] = useState<{ revision: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [planDirty, setPlanDirty] = useState(false);
  const editable = canEdit && opening.status !== 'closed';

  const startEditing = useCallback(
    (focus?: string) => {
      setEditing((current) => current ?? { revision: opening.revision });
      requestAnimationFrame(() => {
        const section = document.getElementById('profile-section');
        section?.scrollIntoView({ block: 'start' });
        section?.querySelector<HTMLElement>(focus ? `[name="${focus}"]` : 'input, select, textarea')?.focus();
      });
    },
    [opening.revision],
  );

  const subtitle = [opening.team, `${LEVEL_LABELS[opening.level]} tech lead`, ARCHETYPE_LABELS[opening.archetype]]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <Breadcrumb />
      <PageHeader
        title={opening.title}
        description={subtitle}
        actions={
          <Link to={`/openings/${opening.id}/pipeline`} className="button button--secondary">
            Pipeline
          </Link>
        }
      />
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      <div className="opening-page">
        <OpeningStatusPanel
          opening={opening}
          canEdit={canEdit}
          hasUnsavedPlan={planDirty}
          onChanged={setNotice}
          onReload={() => void reload()}
        />
        <section id="profile-section" className="panel panel--padded opening-section" aria-labelledby="profile-title">
          <div className="section-header">
            <div>
              <h2 id="profile-title" className="section-header__title" tabIndex={-1}>
                Role profile
              </h2>
              <p className="section-header__description">What the role is and what it offers, as candidates hear it.</p>
            </div>
            {editable && !editing ? (
              <button type="button" className="button button--secondary" onClick={() => startEditing()}>
                Edit profile
              </button>
            ) : null}
          </div>
          {editing ? (
            <OpeningForm
              key={editing.revision}
              label="Edit profile"
              isNew={false}
              current={opening}
              defaultValues={openingFormValues(opening)}
              submitLabel="Save profile"
              pendingLabel="Saving…"
              onSubmit={async (request) => {
                await update.mutateAsync({ ...request, revision: editing.revision });
                setEditing(null);
                setNotice('Profile saved.');
                requestAnimationFrame(() => document.getElementById('profile-title')?.focus());
              }}
              onCancel={() => setEditing(null)}
              onReload={() =>
                void reload().then((fresh) => {
                  if (fresh) setEditing({ revision: fresh.revision });
                })
              }
            />
          ) : (
            <OpeningSummary opening={opening} />
          )}
        </section>
        <PlanSection
          opening={opening}
          editable={editable}
          canEdit={canEdit}
          onDirtyChange={setPlanDirty}
          onSaved={setNotice}
          onEditProfile={startEditing}
          onReload={reload}
        />
      </div>
    </>
  );
}
