import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';

/** Interviewers see only what their own interviews need, not the library. */
export function NoAccess({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="state state--locked" role="status">
        <h2 className="state__title">You don’t have access to {title}</h2>
        <p className="state__text">
          Admins, hiring managers and recruiters use the library. Your interview kits show the rubric and red flags you
          need for each interview.
        </p>
        <Link className="button button--secondary" to="/">
          Back to home
        </Link>
      </div>
    </>
  );
}
