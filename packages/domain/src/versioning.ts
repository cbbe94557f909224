/**
 * Versioned documents (rubrics, red-flag checklists): one draft at a time, published versions are
 * frozen, and a new draft starts from the latest published content with the next number.
 */
export type VersionStatus = 'draft' | 'published';

export type EditVerdict = { ok: true } | { ok: false; reason: 'version_published' | 'stale_revision' };

/** May a save based on `baseRevision` change this version? */
export function checkVersionEdit(
  version: { status: VersionStatus; revision: number },
  baseRevision: number,
): EditVerdict {
  if (version.status === 'published') return { ok: false, reason: 'version_published' };
  if (version.revision !== baseRevision) return { ok: false, reason: 'stale_revision' };
  return { ok: true };
}

/** What "edit this document" does: keep editing the draft, or start draft n+1 from the latest version. */
export function startDraftAction(
  versions: readonly { version: number; status: VersionStatus }[],
):
  | { action: 'use_existing_draft'; version: number }
  | { action: 'create_draft'; version: number; copyFrom: number | null } {
  const draft = versions.find((v) => v.status === 'draft');
  if (draft) return { action: 'use_existing_draft', version: draft.version };
  const latest = versions.reduce<number | null>((m, v) => (m === null || v.version > m ? v.version : m), null);
  return { action: 'create_draft', version: (latest ?? 0) + 1, copyFrom: latest };
}

export interface PublishIssue {
  /** Dotted path into the content, matching the form field. */
  path: string;
  message: string;
}

const blank = (s: string) => s.trim().length === 0;

export interface RubricContentShape {
  competencies: readonly {
    name: string;
    weight: number;
    criteria: readonly { title: string; prompt: string; anchors: readonly string[] }[];
  }[];
}

/** A rubric can be published when every competency has a name and criteria, and every criterion its question and all four anchors. */
export function rubricPublishIssues(content: RubricContentShape): PublishIssue[] {
  const issues: PublishIssue[] = [];
  if (content.competencies.length === 0) issues.push({ path: 'competencies', message: 'Add at least one competency.' });
  content.competencies.forEach((c, ci) => {
    const at = `competencies.${ci}`;
    if (blank(c.name)) issues.push({ path: `${at}.name`, message: 'Name the competency.' });
    if (!(c.weight > 0)) issues.push({ path: `${at}.weight`, message: 'A weight must be greater than 0.' });
    if (c.criteria.length === 0) issues.push({ path: `${at}.criteria`, message: 'Add at least one criterion.' });
    c.criteria.forEach((cr, ri) => {
      const cat = `${at}.criteria.${ri}`;
      if (blank(cr.title)) issues.push({ path: `${cat}.title`, message: 'Give the criterion a title.' });
      if (blank(cr.prompt)) issues.push({ path: `${cat}.prompt`, message: 'Write the question or prompt.' });
      cr.anchors.forEach((a, li) => {
        if (blank(a)) issues.push({ path: `${cat}.anchors.${li}`, message: `Describe what a ${li + 1} looks like.` });
      });
    });
  });
  return issues;
}

export function checklistPublishIssues(content: { items: readonly { description: string }[] }): PublishIssue[] {
  const issues: PublishIssue[] = [];
  if (content.items.length === 0) issues.push({ path: 'items', message: 'Add at least one red flag.' });
  content.items.forEach((item, i) => {
    if (blank(item.description)) issues.push({ path: `items.${i}.description`, message: 'Describe the red flag.' });
  });
  return issues;
}
