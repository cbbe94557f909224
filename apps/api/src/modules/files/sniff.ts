import type { FileContentType } from '@scorecard/contracts';
import { fileTypeFromBuffer } from 'file-type';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Markup a browser would render or run: refused even though it is valid UTF-8 text. */
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|link|style|\?xml|!--)[\s>/]/i;
const SCRIPT = /<\s*script[\s>/]/i;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8, no NUL, and not HTML, SVG or XML markup. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  const start = text.replace(/^\uFEFF/, '');
  return !MARKUP.test(start) && !SCRIPT.test(start);
}

/**
 * The type of a file from its bytes (magic numbers), never from its name or the type the client
 * claimed: PDF (`%PDF-`), PNG, JPEG, DOCX (a ZIP holding `word/` parts, as file-type reads it), or
 * plain text (valid UTF-8 without NUL or markup). Null for anything else: an executable, HTML, an
 * ordinary ZIP, an empty file.
 */
export async function sniffContentType(bytes: Buffer): Promise<FileContentType | null> {
  if (bytes.length === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.mime === 'application/pdf' && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
      return 'application/pdf';
    }
    if (detected.mime === 'image/png') return 'image/png';
    if (detected.mime === 'image/jpeg') return 'image/jpeg';
    if (detected.mime === DOCX) return DOCX;
    return null;
  }
  return isPlainText(bytes) ? 'text/plain' : null;
}
