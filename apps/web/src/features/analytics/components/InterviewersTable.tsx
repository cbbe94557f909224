import type { Calibration } from '@scorecard/contracts';
import { formatHours, formatOffsetFigure, percent, verdictWord } from '../analytics-copy';
import { SampledFigure } from './SampledFigure';
import { useMemo } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';

type InterviewersTableProps = { calibration: Calibration };
type Interviewer = Calibration['interviewers'][number];

/**
 * Per interviewer: scorecards, offset from co-raters on matched units (with its 95% interval and a
 * verdict only when the verdict says so), unassessed questions and lateness, each greyed below its threshold.
 */
export function InterviewersTable({ calibration }: InterviewersTableProps) {
  const { thresholds } = calibration;
  const columns = useMemo<DataColumn<Interviewer>[]>(
    () => [
      {
        id: 'interviewer',
        header: 'Interviewer',
        meta: { rowHeader: true },
        cell: ({ row }) => row.original.interviewer.name,
      },
      {
        id: 'scorecards',
        header: 'Scorecards',
        meta: { className: 'table__num', headerClassName: 'table__num' },
        cell: ({ row }) => row.original.scorecards,
      },
      {
        id: 'offset',
        header: 'Offset from co-raters',
        meta: { cellName: 'offset' },
        cell: ({ row: { original: r } }) => (
          <SampledFigure
            enough={r.offset.enough}
            sample={r.offset.sample}
            threshold={thresholds.offsetUnits}
            noun="matched unit"
            shortNoun="unit"
          >
            {r.offset.value === null ? 'No matched units' : <OffsetText offset={r.offset} />}
          </SampledFigure>
        ),
      },
      {
        id: 'unassessed',
        header: 'Questions unassessed',
        meta: { cellName: 'unassessed' },
        cell: ({ row: { original: r } }) => (
          <SampledFigure
            enough={r.unassessedShare.enough}
            sample={r.unassessedShare.sample}
            threshold={thresholds.scorecards}
            noun="scorecard"
          >
            {r.unassessedShare.value === null ? 'No questions asked' : percent(r.unassessedShare.value)}
          </SampledFigure>
        ),
      },
      {
        id: 'late',
        header: 'Submitted late',
        meta: { cellName: 'late' },
        cell: ({ row: { original: r } }) => (
          <SampledFigure
            enough={r.lateShare.enough}
            sample={r.lateShare.sample}
            threshold={thresholds.scorecards}
            noun="scorecard"
          >
            {percent(r.lateShare.value)}
            {r.medianHoursLate !== null && (r.lateShare.value ?? 0) > 0
              ? `, median ${formatHours(r.medianHoursLate)} late`
              : null}
          </SampledFigure>
        ),
      },
    ],
    [thresholds.offsetUnits, thresholds.scorecards],
  );
  return (
    <DataTable
      scrollLabel="Interviewer calibration table"
      columns={columns}
      data={calibration.interviewers}
      rowId={(r) => r.interviewer.id}
      className="analytics-table calibration-table"
      tableName="interviewers"
      caption="Interviewer calibration"
      rowProps={(r) => ({ 'data-interviewer': r.interviewer.name })}
    />
  );
}

const TONES = { lenient: 'lenient', severe: 'severe', in_line: 'in-line', not_enough_data: 'unknown' } as const;

/** "+0.4 (95% CI +0.1 to +0.7 · 24 units) lenient": the verdict word only when the verdict gives one. */
function OffsetText({ offset }: { offset: Calibration['interviewers'][number]['offset'] }) {
  const word = verdictWord(offset.verdict);
  return (
    <span className={`offset offset--${TONES[offset.verdict]}`} data-verdict={offset.verdict}>
      {formatOffsetFigure(offset)}
      {word ? <strong className="offset__verdict"> {word}</strong> : null}
    </span>
  );
}
