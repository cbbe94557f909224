import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';
import { EmptyState } from './States';

/** What every page of an opening shows when its id names no opening of the organization. */
export function OpeningNotFound({ title = 'Opening not found', before }: { title?: string; before?: ReactNode }) {
  return (
    <>
      {before}
      <PageHeader title={title} />
      <EmptyState
        title="This opening doesn’t exist"
        action={
          <Link to="/openings" className="button button--secondary">
            Back to openings
          </Link>
        }
      >
        <p>It may have been removed, or the link is incomplete.</p>
      </EmptyState>
    </>
  );
}
