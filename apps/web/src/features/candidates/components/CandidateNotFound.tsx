import { Link } from 'react-router';
import { NotFoundState } from '@/components/ui/PageStates';

export function CandidateNotFound() {
  const back = { to: '/candidates', label: 'Back to candidates' };
  const breadcrumb = (
    <p className="breadcrumb">
      <Link to="/candidates">Candidates</Link>
    </p>
  );
  return (
    <NotFoundState title="Candidate not found" heading="This candidate doesn’t exist" back={back} before={breadcrumb}>
      They may have been erased, or the link is incomplete.
    </NotFoundState>
  );
}
