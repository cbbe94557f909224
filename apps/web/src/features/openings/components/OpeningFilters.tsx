import { OpeningStatus } from '@scorecard/contracts';
import { FilterBar, SearchFilter, SelectFilter, labelled } from '@/components/ui/FilterBar';
import type { ListState } from '@/lib/use-list-params';
import type { OpeningFilterValues } from '../api/opening-keys';
import { STATUS_LABELS } from '../opening-copy';

const STATUSES = labelled(OpeningStatus.options, STATUS_LABELS);

export function OpeningFilters({ list }: { list: ListState<OpeningFilterValues> }) {
  return (
    <FilterBar label="Filter openings">
      <SearchFilter value={list.search} onChange={list.setSearch} placeholder="Title or team" />
      <SelectFilter label="Status" all="All statuses" options={STATUSES} {...list.bind('status')} />
    </FilterBar>
  );
}
