import type { Calibration } from '@scorecard/contracts';
import { alphaReading, formatAlpha, formatAlphaInterval, plural } from '../analytics-copy';
import { SampledFigure } from './SampledFigure';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

/**
 * Krippendorff's alpha per competency, with its 95% bootstrap interval, its units and a reading in
 * plain words ("Everyone gave the same rating" when there was no variation to measure); greyed
 * below the unit threshold.
 */
export function AgreementTable({ calibration }: { calibration: Calibration }) {
  const needs = plural(calibration.thresholds.alphaUnits, 'unit');
  return (
    <ScrollRegion label="Panel agreement table">
      <table className="table analytics-table" data-table="agreement">
        <caption className="visually-hidden">Panel agreement per competency (Krippendorff’s alpha, ordinal)</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col" className="table__num">
              Alpha
            </th>
            <th scope="col">95% interval</th>
            <th scope="col" className="table__num">
              Units
            </th>
            <th scope="col">Reading</th>
          </tr>
        </thead>
        <tbody>
          {calibration.agreement.map((c) => {
            const reading = c.alpha === null ? null : alphaReading(c.alpha);
            return (
              <tr key={c.competencyKey} data-competency={c.competency}>
                <th scope="row">{c.competency}</th>
                <td className="table__num" data-cell="alpha">
                  {c.alpha === null ? (
                    <>
                      <span className="muted" aria-hidden="true">
                        –
                      </span>
                      <span className="visually-hidden">None</span>
                    </>
                  ) : (
                    <SampledFigure
                      enough={c.enough}
                      sample={c.units}
                      threshold={calibration.thresholds.alphaUnits}
                      noun="unit"
                    >
                      {formatAlpha(c.alpha)}
                    </SampledFigure>
                  )}
                </td>
                <td data-cell="interval" className={c.enough ? undefined : 'muted'}>
                  {c.interval === null ? (
                    <>
                      <span className="muted" aria-hidden="true">
                        –
                      </span>
                      <span className="visually-hidden">None</span>
                    </>
                  ) : (
                    formatAlphaInterval(c.interval)
                  )}
                </td>
                <td className="table__num">{c.units}</td>
                <td data-cell="reading">
                  {c.allSame ? (
                    <span className="agreement agreement--same">Everyone gave the same rating</span>
                  ) : reading === null ? (
                    <span className="muted">Not enough overlap</span>
                  ) : c.enough ? (
                    <span className={`agreement agreement--${reading.tone}`}>{reading.label}</span>
                  ) : (
                    <span className="muted">Too little data to read (needs {needs})</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
