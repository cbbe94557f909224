import type { Calibration } from '@scorecard/contracts';
import { formatHours, formatOffsetFigure, percent, verdictWord } from '../analytics-copy';
import { SampledFigure } from './SampledFigure';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type InterviewersTableProps = { calibration: Calibration };

/**
 * Per interviewer: scorecards, offset from co-raters on matched units (with its 95% interval and a
 * verdict only when the verdict says so), unassessed questions and lateness, each greyed below its threshold.
 */
export function InterviewersTable({ calibration }: InterviewersTableProps) {
  const { thresholds } = calibration;
  return (
    <ScrollRegion label="Interviewer calibration table">
      <table className="table analytics-table calibration-table" data-table="interviewers">
        <caption className="visually-hidden">Interviewer calibration</caption>
        <thead>
          <tr>
            <th scope="col">Interviewer</th>
            <th scope="col" className="table__num">
              Scorecards
            </th>
            <th scope="col">Offset from co-raters</th>
            <th scope="col">Questions unassessed</th>
            <th scope="col">Submitted late</th>
          </tr>
        </thead>
        <tbody>
          {calibration.interviewers.map((row) => (
            <tr key={row.interviewer.id} data-interviewer={row.interviewer.name}>
              <th scope="row">{row.interviewer.name}</th>
              <td className="table__num">{row.scorecards}</td>
              <td data-cell="offset">
                <SampledFigure
                  enough={row.offset.enough}
                  sample={row.offset.sample}
                  threshold={thresholds.offsetUnits}
                  noun="matched unit"
                  shortNoun="unit"
                >
                  {row.offset.value === null ? 'No matched units' : <OffsetText offset={row.offset} />}
                </SampledFigure>
              </td>
              <td data-cell="unassessed">
                <SampledFigure
                  enough={row.unassessedShare.enough}
                  sample={row.unassessedShare.sample}
                  threshold={thresholds.scorecards}
                  noun="scorecard"
                >
                  {row.unassessedShare.value === null ? 'No questions asked' : percent(row.unassessedShare.value)}
                </SampledFigure>
              </td>
              <td data-cell="late">
                <SampledFigure
                  enough={row.lateShare.enough}
                  sample={row.lateShare.sample}
                  threshold={thresholds.scorecards}
                  noun="scorecard"
                >
                  {percent(row.lateShare.value)}
                  {row.medianHoursLate !== null && (row.lateShare.value ?? 0) > 0
                    ? `, median ${formatHours(row.medianHoursLate)} late`
                    : null}
                </SampledFigure>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
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
