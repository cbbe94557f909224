import type { Debrief } from '@scorecard/contracts';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { formatMean, formatPercent, statDetail } from '../debrief-copy';
import { ScoreBar, StatFigure } from './Figures';

/**
 * Overall and per-competency scores (each criterion under its competency), each mean with how many
 * scorecards back it and their spread. Competencies nobody assessed are greyed, never zeros.
 */
export function ScoresTable({ debrief }: { debrief: Debrief }) {
  const totalWeight = debrief.competencies.reduce((sum, c) => sum + c.weight, 0) || 1;
  const { overall } = debrief;
  // The bar of the overall: the weighted score, with the range of the scorecards' own overalls.
  const overallBar =
    overall.score === null
      ? null
      : {
          mean: overall.score,
          count: overall.stat?.count ?? 0,
          min: overall.stat?.min ?? overall.score,
          max: overall.stat?.max ?? overall.score,
          spread: overall.stat?.spread ?? 0,
        };
  return (
    <section className="panel debrief-section scores-section" aria-labelledby="scores-title">
      <div className="section-header scores-section__header">
        <div>
          <h2 id="scores-title" className="section-header__title">
            Scores
          </h2>
          <p className="section-header__description">
            Means on the 1–4 scale, with n (scorecards that rated it) and spread (highest minus lowest). The bar shows
            the mean; the line under it, the range.
          </p>
        </div>
      </div>
      <ScrollRegion label="Scores table">
        <table className="table score-table">
          <caption className="visually-hidden">Scores by competency and criterion</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col" className="score-table__num">
                Weight
              </th>
              <th scope="col">Score</th>
              <th scope="col">
                <span className="visually-hidden">Bar</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="score-table__overall">
              <th scope="row">Overall (weighted)</th>
              <td className="score-table__num">100%</td>
              <td>
                {overall.score === null ? (
                  <span className="stat-figure stat-figure--none">No scores yet</span>
                ) : (
                  <span className="stat-figure">
                    <span className="stat-figure__mean">{formatMean(overall.score)}</span>
                    {overall.stat ? <span className="stat-figure__detail"> ({statDetail(overall.stat)})</span> : null}
                  </span>
                )}
              </td>
              <td>
                <ScoreBar stat={overallBar} />
              </td>
            </tr>
            {debrief.competencies.flatMap((c) => [
              <tr
                key={c.key}
                className={c.stat ? 'score-table__competency' : 'score-table__competency score-table__row--none'}
              >
                <th scope="row">
                  {c.name}
                  {c.disagreement ? <span className="disagree-tag disagree-tag--inline">Disagreement</span> : null}
                </th>
                <td className="score-table__num">{formatPercent(c.weight / totalWeight)}</td>
                <td>
                  <StatFigure stat={c.stat} empty="Not assessed by anyone" />
                </td>
                <td>
                  <ScoreBar stat={c.stat} />
                </td>
              </tr>,
              ...c.criteria.map((cr) => (
                <tr
                  key={cr.key}
                  className={cr.stat ? 'score-table__criterion' : 'score-table__criterion score-table__row--none'}
                >
                  <th scope="row">
                    <span className="visually-hidden">{c.name}: </span>
                    {cr.title}
                    {cr.disagreement ? <span className="disagree-tag disagree-tag--inline">Disagreement</span> : null}
                  </th>
                  <td className="score-table__num" />
                  <td>
                    <StatFigure stat={cr.stat} />
                  </td>
                  <td>
                    <ScoreBar stat={cr.stat} width={96} />
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
