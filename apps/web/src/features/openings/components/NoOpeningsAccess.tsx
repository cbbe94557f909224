import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';

export function NoOpeningsAccess() {
  return (
    <>
      <PageHeader title="Openings" />
      <div className="state state--locked" role="status">
        <h2 className="state__title">You don’t have access to Openings</h2>
        <p className="state__text">
          Openings are defined by hiring managers and followed by recruiters. As an interviewer you’ll find everything
          you need in your interview kits.
        </p>
        <Link className="button button--secondary" to="/">
          Back to home
        </Link>
      </div>
    </>
  );
}
