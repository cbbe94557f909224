import type { Candidate } from '@scorecard/contracts';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { NoticeSlot } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryPage, useIdParam } from '@/components/ui/PageStates';
import { EmptyState } from '@/components/ui/States';
import { SelfIdLinkPanel } from '@/features/self-id';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCandidate } from '../api/candidate-queries';
import { canUseCandidates } from '../candidate-access';
import { ApplyPanel } from '../components/ApplyPanel';
import { CandidateActivity } from '../components/CandidateActivity';
import { CandidateFacts } from '../components/CandidateFacts';
import { CandidateFiles } from '../components/CandidateFiles';
import { CANDIDATE_COPY, candidateGates } from '../components/candidate-page-states';
import { titleAtCompany } from '../candidate-text';
import { PrivacyPanel } from '../components/PrivacyPanel';
import { StageBadge } from '../components/StageBadge';

export default function CandidateRoute() {
  const id = useIdParam();
  const { user } = useSession();
  const allowed = canUseCandidates(user.role);
  const candidate = useCandidate(allowed ? id : null);
  useDocumentTitle(candidate.data?.name ?? 'Candidate');
  return (
    <QueryPage query={candidate} copy={{ ...CANDIDATE_COPY, title: 'Candidate' }} {...candidateGates(allowed, id)}>
      {(c) => <CandidatePage candidate={c} />}
    </QueryPage>
  );
}

function CandidatePage({ candidate: c }: { candidate: Candidate }) {
  const location = useLocation();
  const { user } = useSession();
  const initial = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(initial);
  const erased = c.erasedAt !== null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">Candidates</Link>
      </p>
      <PageHeader
        title={c.name}
        description={erased ? 'Personal data erased' : titleAtCompany(c) || undefined}
        actions={
          erased ? undefined : (
            <Link to={`/candidates/${c.id}/edit`} className="button button--secondary">
              Edit candidate
            </Link>
          )
        }
      />
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      <div className="candidate-page">
        <section className="panel panel--padded" aria-labelledby="applications-title">
          <h2 id="applications-title" className="section-header__title">
            Applications
          </h2>
          {c.applications.length > 0 ? (
            <ul className="candidate-applications">
              {c.applications.map((a) => (
                <li key={a.id} className="candidate-applications__item">
                  <Link to={`/applications/${a.id}`}>{a.opening.title}</Link>
                  <StageBadge stage={a.stage} />
                  <Link to={`/openings/${a.opening.id}/pipeline`} className="candidate-applications__board">
                    Pipeline<span className="visually-hidden"> of {a.opening.title}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={erased ? 'No applications' : 'No applications yet'}>
              {erased ? null : <p>Apply {c.name} to an opening to follow them through its pipeline.</p>}
            </EmptyState>
          )}
          {erased ? null : (
            <>
              <h3 className="candidate-page__subtitle">Apply to an opening</h3>
              <ApplyPanel candidate={c} onApplied={setNotice} onAttempt={() => setNotice(null)} />
            </>
          )}
        </section>
        <section className="panel panel--padded" aria-labelledby="facts-title">
          <h2 id="facts-title" className="section-header__title">
            About {erased ? 'this candidate' : c.name}
          </h2>
          <CandidateFacts candidate={c} />
        </section>
      </div>
      <CandidateFiles candidate={c} />
      <CandidateActivity candidate={c} />
      <SelfIdLinkPanel candidate={c} />
      {user.role === 'admin' ? <PrivacyPanel candidate={c} /> : null}
    </>
  );
}
