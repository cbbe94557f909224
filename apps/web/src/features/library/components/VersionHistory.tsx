import type { VersionSummary } from '@scorecard/contracts';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/Badge';

type VersionHistoryProps = {
  versions: VersionSummary[];
  /** The version on screen. */
  selectedId: string | null;
  /** Where a click on each version goes (the current one links to the page itself). */
  hrefFor: (version: VersionSummary) => string;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** Every version, newest first; each opens read-only (the draft opens in the editor). */
export function VersionHistory({ versions, selectedId, hrefFor }: VersionHistoryProps) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section className="side-panel" aria-labelledby="version-history-title">
      <h2 id="version-history-title" className="side-panel__title">
        Version history
      </h2>
      {sorted.length === 0 ? (
        <p className="field__hint">No versions yet.</p>
      ) : (
        <ol className="version-list">
          {sorted.map((v) => {
            const selected = v.id === selectedId;
            return (
              <li key={v.id}>
                <Link
                  to={hrefFor(v)}
                  className={selected ? 'version-list__link version-list__link--selected' : 'version-list__link'}
                  aria-current={selected ? 'page' : undefined}
                >
                  <span className="version-list__name">Version {v.version}</span>
                  {v.status === 'draft' ? <Badge tone="accent">Draft</Badge> : <Badge tone="success">Published</Badge>}
                  <span className="version-list__date">
                    {v.publishedAt ? `Published ${dateFormat.format(new Date(v.publishedAt))}` : 'Not published yet'}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
