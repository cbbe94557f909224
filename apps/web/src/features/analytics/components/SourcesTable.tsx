import { SOURCE_LABELS, type PipelineAnalytics } from '@scorecard/contracts';
import { percent, rate } from '../analytics-copy';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

type Sources = PipelineAnalytics['sources'];

function Figure({ n, of }: { n: number; of: number }) {
  return (
    <>
      <span className={n === 0 ? 'analytics-zero' : undefined}>{n}</span>
      <span className="table__meta">{percent(rate(n, of))}</span>
    </>
  );
}

/** Applications, interviews, offers and hires per source, each with its share of the source's applications. */
export function SourcesTable({ sources }: { sources: Sources }) {
  const total = sources.reduce(
    (t, s) => ({
      applications: t.applications + s.applications,
      interviewed: t.interviewed + s.interviewed,
      offers: t.offers + s.offers,
      hires: t.hires + s.hires,
    }),
    { applications: 0, interviewed: 0, offers: 0, hires: 0 },
  );
  return (
    <ScrollRegion label="Sources table">
      <table className="table analytics-table" data-table="sources">
        <caption className="visually-hidden">
          Source effectiveness: applications, interviews, offers and hires per source, with rates of the source’s
          applications
        </caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col" className="table__num">
              Applications
            </th>
            <th scope="col" className="table__num">
              Interviewed
            </th>
            <th scope="col" className="table__num">
              Offers
            </th>
            <th scope="col" className="table__num">
              Hires
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.source} data-source={s.source}>
              <th scope="row">{SOURCE_LABELS[s.source]}</th>
              <td className="table__num">{s.applications}</td>
              <td className="table__num">
                <Figure n={s.interviewed} of={s.applications} />
              </td>
              <td className="table__num">
                <Figure n={s.offers} of={s.applications} />
              </td>
              <td className="table__num">
                <Figure n={s.hires} of={s.applications} />
              </td>
            </tr>
          ))}
        </tbody>
        {sources.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">All sources</th>
              <td className="table__num">{total.applications}</td>
              <td className="table__num">
                <Figure n={total.interviewed} of={total.applications} />
              </td>
              <td className="table__num">
                <Figure n={total.offers} of={total.applications} />
              </td>
              <td className="table__num">
                <Figure n={total.hires} of={total.applications} />
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}
