import { FilterBar, SearchFilter, SelectFilter } from '@/components/ui/FilterBar';
import type { ListState } from '@/lib/use-list-params';
import type { DocListFilters } from '../api/library-api';

const SHOW = [
  { value: 'active', label: 'In use' },
  { value: 'archived', label: 'Archived' },
] as const;

export function LibraryFilters({ label, list }: { label: string; list: ListState<DocListFilters> }) {
  return (
    <FilterBar label={label}>
      <SearchFilter value={list.search} onChange={list.setSearch} placeholder="Name or description" />
      <SelectFilter
        label="Show"
        options={SHOW}
        value={list.params.archived === 'true' ? 'archived' : 'active'}
        onChange={(show) => list.setParams({ archived: show === 'archived' ? 'true' : 'false' })}
      />
    </FilterBar>
  );
}
