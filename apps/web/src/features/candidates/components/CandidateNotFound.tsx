import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState } from '@/components/ui/States';

export function CandidateNotFound() {
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">Candidates</Link>
      </p>
      <PageHeader title="Candidate not found" />
      <EmptyState
        title="This candidate doesn’t exist"
        action={
          <Link to="/candidates" className="button button--secondary">
            Back to candidates
          </Link>
        }
      >
        <p>They may have been erased, or the link is incomplete.</p>
      </EmptyState>
    </>
  );
}
