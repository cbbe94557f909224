import type { ReactNode } from 'react';

type HomeTableSectionProps = {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  /** How many there are in all; the list may show only the first of them. */
  total: number;
  shown: number;
  description: ReactNode;
  /** Shown instead of the table when there is nothing to list. */
  empty: ReactNode;
  caption: string;
  columns: readonly string[];
  rows: ReactNode;
  /** "Showing the 10 most overdue of 14.", when not all are shown. */
  more: string;
  busy: boolean;
};

/** A work-queue section of a home page: its heading with the total, then a table or its empty state. */
export function HomeTableSection(props: HomeTableSectionProps) {
  const { id, total } = props;
  return (
    <section className="panel home-section" aria-labelledby={id}>
      <div className="home-section__header">
        <h2 id={id} className="section-header__title">
          {props.title} {total > 0 ? <span className="home-section__total">{total}</span> : null}
        </h2>
        <p className="section-header__description">{props.description}</p>
      </div>
      {props.shown === 0 ? (
        props.empty
      ) : (
        <div className="table-wrap">
          <table className="table" aria-busy={props.busy}>
            <caption className="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{props.rows}</tbody>
          </table>
          {total > props.shown ? <p className="home-section__more">{props.more}</p> : null}
        </div>
      )}
    </section>
  );
}
