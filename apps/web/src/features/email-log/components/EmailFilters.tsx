import { EMAIL_KIND_LABELS, EMAIL_STATUS_LABELS, EmailKind, EmailStatus } from '@scorecard/contracts';
import { FilterBar, SearchFilter, SelectFilter, labelled } from '@/components/ui/FilterBar';
import type { ListState } from '@/lib/use-list-params';
import type { EmailFilterValues } from '../api/email-queries';

const STATUS_OPTIONS = labelled(EmailStatus.options, EMAIL_STATUS_LABELS);
const KIND_OPTIONS = labelled(EmailKind.options, EMAIL_KIND_LABELS);

export function EmailFilters({ list }: { list: ListState<EmailFilterValues> }) {
  return (
    <FilterBar label="Filter emails">
      <SearchFilter value={list.search} onChange={list.setSearch} placeholder="Recipient or subject" />
      <SelectFilter label="Status" all="Any status" options={STATUS_OPTIONS} {...list.bind('status')} />
      <SelectFilter label="Kind" all="Every kind" options={KIND_OPTIONS} {...list.bind('kind')} />
    </FilterBar>
  );
}
