import { SOURCE_LABELS, type PipelineAnalytics } from '@scorecard/contracts';
import { percent, rate } from '../analytics-copy';
import { useMemo } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';

type Sources = PipelineAnalytics['sources'];

function Figure({ n, of }: { n: number; of: number }) {
  return (
    <>
      <span className={n === 0 ? 'analytics-zero' : undefined}>{n}</span>
      <span className="table__meta">{percent(rate(n, of))}</span>
    </>
  );
}

type Source = Sources[number];
type Counts = Pick<Source, 'applications' | 'interviewed' | 'offers' | 'hires'>;

const NUM = { className: 'table__num', headerClassName: 'table__num' };

/** A count column with its share of the source's applications, and the same for all sources in the footer. */
function shareColumn(key: 'interviewed' | 'offers' | 'hires', header: string, total: Counts): DataColumn<Source> {
  return {
    id: key,
    header,
    meta: NUM,
    cell: ({ row: { original: s } }) => <Figure n={s[key]} of={s.applications} />,
    footer: () => <Figure n={total[key]} of={total.applications} />,
  };
}

/** Applications, interviews, offers and hires per source, each with its share of the source's applications. */
export function SourcesTable({ sources }: { sources: Sources }) {
  const columns = useMemo<DataColumn<Source>[]>(() => {
    const total = sources.reduce<Counts>(
      (t, s) => ({
        applications: t.applications + s.applications,
        interviewed: t.interviewed + s.interviewed,
        offers: t.offers + s.offers,
        hires: t.hires + s.hires,
      }),
      { applications: 0, interviewed: 0, offers: 0, hires: 0 },
    );
    return [
      {
        id: 'source',
        header: 'Source',
        meta: { rowHeader: true },
        cell: ({ row }) => SOURCE_LABELS[row.original.source],
        footer: 'All sources',
      },
      {
        id: 'applications',
        header: 'Applications',
        meta: NUM,
        cell: ({ row }) => row.original.applications,
        footer: () => total.applications,
      },
      shareColumn('interviewed', 'Interviewed', total),
      shareColumn('offers', 'Offers', total),
      shareColumn('hires', 'Hires', total),
    ];
  }, [sources]);
  return (
    <DataTable
      scrollLabel="Sources table"
      columns={columns}
      data={sources}
      rowId={(s) => s.source}
      className="analytics-table"
      tableName="sources"
      caption="Source effectiveness: applications, interviews, offers and hires per source, with rates of the source’s applications"
      rowProps={(s) => ({ 'data-source': s.source })}
      showFooter={sources.length > 1}
    />
  );
}
