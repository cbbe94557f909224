import type { Calibration } from '@scorecard/contracts';
import { formatHours, formatOffset, offsetTone, percent } from '../analytics-copy';
import { SampledFigure } from './SampledFigure';
import { ScrollRegion } from '../../../components/ui/ScrollRegion';

type InterviewersTableProps = { calibration: Calibration };

/** Per interviewer: scorecards, offset from co-panelists, unassessed focus and lateness, each greyed below its threshold. */
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
            <th scope="col">Offset from panel</th>
            <th scope="col">Focus unassessed</th>
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
                  threshold={thresholds.offsetCandidates}
                  noun="shared candidate"
                  shortNoun="candidate"
                >
                  {row.offset.value === null ? (
                    'No shared candidates'
                  ) : (
                    <span className={`offset offset--${offsetTone(row.offset.value)}`}>
                      {formatOffset(row.offset.value)}
                    </span>
                  )}
                </SampledFigure>
              </td>
              <td data-cell="unassessed">
                <SampledFigure
                  enough={row.unassessedShare.enough}
                  sample={row.unassessedShare.sample}
                  threshold={thresholds.scorecards}
                  noun="scorecard"
                >
                  {row.unassessedShare.value === null ? 'No focus competencies' : percent(row.unassessedShare.value)}
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
