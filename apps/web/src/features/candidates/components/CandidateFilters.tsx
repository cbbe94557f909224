import {
  CandidateSort,
  CandidateSource,
  SOURCE_LABELS,
  STAGE_LABELS,
  Stage,
  type OpeningSummary,
} from '@scorecard/contracts';
import { FilterBar, FilterField, SearchFilter, SelectFilter, labelled } from '@/components/ui/FilterBar';
import type { ListState } from '@/lib/use-list-params';
import type { CandidateFilterValues } from '../api/candidate-keys';

export const SORT_LABELS: Record<CandidateSort, string> = {
  '-updatedAt': 'Recently updated',
  updatedAt: 'Least recently updated',
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
};

const SOURCES = labelled(CandidateSource.options, SOURCE_LABELS);
const STAGES = labelled(Stage.options, STAGE_LABELS);
const SORTS = labelled(CandidateSort.options, SORT_LABELS);

type CandidateFiltersProps = {
  list: ListState<CandidateFilterValues>;
  tag: string;
  tagError: string | null;
  onTagChange: (value: string) => void;
  openings: OpeningSummary[] | undefined;
};

export function CandidateFilters({ list, tag, tagError, onTagChange, openings }: CandidateFiltersProps) {
  return (
    <FilterBar label="Filter candidates">
      <SearchFilter value={list.search} onChange={list.setSearch} placeholder="Name, email, title or company" />
      <SelectFilter label="Source" all="All sources" options={SOURCES} {...list.bind('source')} />
      <SelectFilter label="Stage" all="All stages" options={STAGES} {...list.bind('stage')} />
      <SelectFilter
        label="Opening"
        all="All openings"
        unknown="The chosen opening"
        options={openings?.map((o) => ({ value: o.id, label: o.title }))}
        {...list.bind('openingId')}
      />
      <FilterField
        label="Tag"
        error={tagError}
        control={(props) => (
          <input
            {...props}
            className="input"
            placeholder="e.g. kubernetes"
            autoComplete="off"
            value={tag}
            onChange={(e) => onTagChange(e.target.value)}
          />
        )}
      />
      <SelectFilter label="Sort" options={SORTS} {...list.bind('sort')} />
    </FilterBar>
  );
}
