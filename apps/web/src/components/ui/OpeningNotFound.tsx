import type { ReactNode } from 'react';
import { NotFoundState } from './PageStates';

/** What every page of an opening shows when its id names no opening of the organization. */
export function OpeningNotFound({ title = 'Opening not found', before }: { title?: string; before?: ReactNode }) {
  return (
    <NotFoundState
      title={title}
      heading="This opening doesn’t exist"
      back={{ to: '/openings', label: 'Back to openings' }}
      before={before}
    />
  );
}
