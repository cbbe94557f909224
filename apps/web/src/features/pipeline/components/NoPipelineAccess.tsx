import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';

export function NoPipelineAccess({ title = 'Pipeline' }: { title?: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="state state--locked" role="status">
        <h2 className="state__title">You don’t have access to the pipeline</h2>
        <p className="state__text">
          Recruiters, hiring managers and admins move candidates through the pipeline. As an interviewer you’ll find
          everything you need in your interview kits.
        </p>
        <Link className="button button--secondary" to="/">
          Back to home
        </Link>
      </div>
    </>
  );
}
