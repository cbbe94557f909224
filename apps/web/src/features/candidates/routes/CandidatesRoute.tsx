import { CandidateSort, CandidateSource, Stage, Tag, Uuid } from '@scorecard/contracts';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState } from '@/components/ui/States';
import { ListBody } from '@/components/ui/ListStates';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { schemaField, textField, useListParams, useSettledText, type ListFields } from '@/lib/use-list-params';
import type { CandidateFilterValues } from '../api/candidate-keys';
import { useCandidates, useOpeningChoices } from '../api/candidate-queries';
import { canUseCandidates } from '../candidate-access';
import { CandidateFilters } from '../components/CandidateFilters';
import { CandidatesTable } from '../components/CandidatesTable';
import { NoCandidatesAccess } from '../components/NoCandidatesAccess';

const PAGE_SIZE = 25;

export default function CandidatesRoute() {
  useDocumentTitle('Candidates');
  const { user } = useSession();
  if (!canUseCandidates(user.role)) return <NoCandidatesAccess />;
  return <CandidatesList />;
}

const FIELDS: ListFields<CandidateFilterValues> = {
  q: textField,
  source: schemaField(CandidateSource),
  stage: schemaField(Stage),
  openingId: schemaField(Uuid),
  tag: schemaField(Tag),
  sort: { ...schemaField(CandidateSort, '-updatedAt'), filter: false },
};

function AddCandidateLink() {
  return (
    <Link to="/candidates/new" className="button button--primary">
      Add candidate
    </Link>
  );
}

function CandidatesList() {
  const list = useListParams(FIELDS, PAGE_SIZE);
  const { params, setParams } = list;
  const [tag, setTag, settledTag] = useSettledText(params.tag, (value) => {
    const check = value === '' ? null : Tag.safeParse(value);
    if (check?.success === false) return;
    const next = check?.success ? check.data : '';
    if (next !== params.tag) setParams({ tag: next }, { replace: true });
  });
  const tagCheck = settledTag === '' ? null : Tag.safeParse(settledTag);
  const tagError = tagCheck && !tagCheck.success ? (tagCheck.error.issues[0]?.message ?? 'Not a tag.') : null;
  const openings = useOpeningChoices('all');
  const candidates = useCandidates(params);
  return (
    <>
      <PageHeader
        title="Candidates"
        description="Everyone you are talking to, with where they came from and where they are in each pipeline."
        actions={
          <>
            <Link to="/candidates/import" className="button button--secondary">
              Import CSV
            </Link>
            <AddCandidateLink />
          </>
        }
      />
      <section className="panel" aria-label="Candidates list">
        <CandidateFilters list={list} tag={tag} tagError={tagError} onTagChange={setTag} openings={openings.data} />
        <ListBody
          query={candidates}
          list={{
            ...list,
            clearFilters: () => {
              setTag('');
              list.clearFilters();
            },
          }}
          noun="candidates"
          noAccess={<EmptyState title="You don’t have access to candidates" />}
          noMatchTitle="No candidates match"
          noMatchHint="Try the start of another name, email, title or company, or fewer filters."
          empty={
            <EmptyState title="No candidates yet" action={<AddCandidateLink />}>
              <p>
                Add the people you are talking to, then apply them to an opening to follow them through the pipeline.
              </p>
            </EmptyState>
          }
          rows={(items) => <CandidatesTable candidates={items} busy={candidates.isFetching} />}
        />
      </section>
    </>
  );
}
