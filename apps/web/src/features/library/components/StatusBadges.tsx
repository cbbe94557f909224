import { Badge } from '@/components/ui/Badge';
import type { DocSummary } from '../api/library-api';

/** Where a document stands: its published version, a pending draft, built-in, archived. */
export function StatusBadges({ doc }: { doc: DocSummary }) {
  return (
    <span className="badge-row">
      {doc.publishedVersion !== null ? (
        <Badge tone="success">Published v{doc.publishedVersion}</Badge>
      ) : (
        <Badge tone="muted">Not published</Badge>
      )}
      {doc.draftVersionId !== null ? <Badge tone="accent">Draft</Badge> : null}
      {doc.builtIn ? <Badge tone="neutral">Built-in</Badge> : null}
      {doc.archivedAt !== null ? <Badge tone="muted">Archived</Badge> : null}
    </span>
  );
}
