import { OpeningStatus } from '@scorecard/contracts';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState } from '@/components/ui/States';
import { ListBody } from '@/components/ui/ListStates';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { schemaField, textField, useListParams, type ListFields } from '@/lib/use-list-params';
import { useOpenings } from '../api/list-openings';
import type { OpeningFilterValues } from '../api/opening-keys';
import { NoOpeningsAccess } from '../components/NoOpeningsAccess';
import { OpeningFilters } from '../components/OpeningFilters';
import { OpeningsTable } from '../components/OpeningsTable';
import { canEditOpenings, canReadOpenings } from '../opening-access';

const PAGE_SIZE = 20;

export default function OpeningsRoute() {
  useDocumentTitle('Openings');
  const { user } = useSession();
  if (!canReadOpenings(user.role)) return <NoOpeningsAccess />;
  return <OpeningsList canEdit={canEditOpenings(user.role)} />;
}

const FIELDS: ListFields<OpeningFilterValues> = { q: textField, status: schemaField(OpeningStatus) };

function NewOpeningLink() {
  return (
    <Link to="/openings/new" className="button button--primary">
      New opening
    </Link>
  );
}

function OpeningsList({ canEdit }: { canEdit: boolean }) {
  const list = useListParams(FIELDS, PAGE_SIZE);
  const openings = useOpenings(list.params);
  return (
    <>
      <PageHeader
        title="Openings"
        description="The roles you are hiring for, each with its profile and interview plan."
        actions={canEdit ? <NewOpeningLink /> : undefined}
      />
      <section className="panel" aria-label="Openings list">
        <OpeningFilters list={list} />
        <ListBody
          query={openings}
          list={list}
          noun="openings"
          noAccess={<EmptyState title="You don’t have access to openings" />}
          noMatchTitle="No openings match these filters"
          noMatchHint="Try another title or team, or another status."
          empty={
            <EmptyState title="No openings yet" action={canEdit ? <NewOpeningLink /> : undefined}>
              <p>
                {canEdit
                  ? 'An opening states what the role is, what it offers, and how candidates will be interviewed.'
                  : 'Hiring managers create openings; they will appear here.'}
              </p>
            </EmptyState>
          }
          rows={(items) => <OpeningsTable openings={items} busy={openings.isFetching} />}
        />
      </section>
    </>
  );
}
