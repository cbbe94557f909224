/**
 * Every editable field (and every list's "Add" button) gets a DOM id derived from its form path,
 * so a problem reported for `competencies.0.criteria.1.anchors.2`, by the live check or by the API,
 * can be shown next to it and focused from anywhere.
 */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

/** The element for `path`, or for the nearest enclosing path that has one. */
export function fieldElement(path: string): HTMLElement | null {
  let current = path;
  for (;;) {
    const el = document.getElementById(fieldId(current));
    if (el) return el;
    const dot = current.lastIndexOf('.');
    if (dot < 0) return null;
    current = current.slice(0, dot);
  }
}

/** Moves focus to the field for `path` and brings it to the middle of the screen. */
export function focusField(path: string): boolean {
  const el = fieldElement(path);
  if (!el) return false;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
  return true;
}

/** Paths the API reports for a save are inside the request body's `content`. */
export function contentPath(path: string): string {
  return path.startsWith('content.') ? path.slice('content.'.length) : path;
}
