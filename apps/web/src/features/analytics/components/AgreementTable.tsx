import type { Calibration } from '@scorecard/contracts';
import { alphaReading, formatAlpha, formatAlphaInterval, plural } from '../analytics-copy';
import { SampledFigure } from './SampledFigure';

type Agreement = Calibration['agreement'][number];
import { useMemo } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';

/**
 * Krippendorff's alpha per competency, with its 95% bootstrap interval, its units and a reading in
 * plain words ("Everyone gave the same rating" when there was no variation to measure); greyed
 * below the unit threshold.
 */
export function AgreementTable({ calibration }: { calibration: Calibration }) {
  const columns = useMemo<DataColumn<Agreement>[]>(() => {
    const threshold = calibration.thresholds.alphaUnits;
    const needs = plural(threshold, 'unit');
    return [
      { id: 'competency', header: 'Competency', meta: { rowHeader: true }, cell: ({ row }) => row.original.competency },
      {
        id: 'alpha',
        header: 'Alpha',
        meta: { className: 'table__num', headerClassName: 'table__num', cellName: 'alpha' },
        cell: ({ row: { original: c } }) =>
          c.alpha === null ? (
            <NoFigure />
          ) : (
            <SampledFigure enough={c.enough} sample={c.units} threshold={threshold} noun="unit">
              {formatAlpha(c.alpha)}
            </SampledFigure>
          ),
      },
      {
        id: 'interval',
        header: '95% interval',
        meta: { cellName: 'interval' },
        cell: ({ row: { original: c } }) => (
          <span className={c.enough ? undefined : 'muted'}>
            {c.interval === null ? <NoFigure /> : formatAlphaInterval(c.interval)}
          </span>
        ),
      },
      {
        id: 'units',
        header: 'Units',
        meta: { className: 'table__num', headerClassName: 'table__num' },
        cell: ({ row }) => row.original.units,
      },
      {
        id: 'reading',
        header: 'Reading',
        meta: { cellName: 'reading' },
        cell: ({ row: { original: c } }) => {
          const reading = c.alpha === null ? null : alphaReading(c.alpha);
          if (c.allSame) return <span className="agreement agreement--same">Everyone gave the same rating</span>;
          if (reading === null) return <span className="muted">Not enough overlap</span>;
          if (c.enough) return <span className={`agreement agreement--${reading.tone}`}>{reading.label}</span>;
          return <span className="muted">Too little data to read (needs {needs})</span>;
        },
      },
    ];
  }, [calibration.thresholds.alphaUnits]);
  return (
    <DataTable
      scrollLabel="Panel agreement table"
      columns={columns}
      data={calibration.agreement}
      rowId={(c) => c.competencyKey}
      className="analytics-table"
      tableName="agreement"
      caption="Panel agreement per competency (Krippendorff’s alpha, ordinal)"
      rowProps={(c) => ({ 'data-competency': c.competency })}
    />
  );
}

/** A dash for the eye, "None" for assistive technology. */
function NoFigure() {
  return (
    <>
      <span className="muted" aria-hidden="true">
        –
      </span>
      <span className="visually-hidden">None</span>
    </>
  );
}
