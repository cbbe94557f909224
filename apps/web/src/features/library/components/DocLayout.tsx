import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/Badge';
import type { DocVersion } from '../api/library-api';

/** The document page: its content, and a side column (completeness check, version history). */
export function DocLayout({ aside, children }: { aside: ReactNode; children: ReactNode }) {
  return (
    <div className="doc-layout">
      <div className="doc-layout__main">{children}</div>
      <div className="doc-layout__aside">{aside}</div>
    </div>
  );
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** Which version is on screen, who published it and when, with the actions that apply to it. */
export function VersionBar<C>({ version, children }: { version: DocVersion<C>; children?: ReactNode }) {
  return (
    <div className="editor-bar editor-bar--view">
      <div className="editor-bar__status">
        {version.status === 'published' ? (
          <Badge tone="success">Published v{version.version}</Badge>
        ) : (
          <Badge tone="accent">Draft v{version.version}</Badge>
        )}
        <span className="editor-bar__state">
          {version.publishedAt
            ? `Published ${dateFormat.format(new Date(version.publishedAt))}${version.publishedBy ? ` by ${version.publishedBy.name}` : ''}`
            : 'Not published yet: a draft in progress'}
        </span>
      </div>
      {children ? <div className="editor-bar__actions">{children}</div> : null}
    </div>
  );
}
