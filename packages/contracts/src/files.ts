import { z } from 'zod';
import { PageQuery, Uuid, paginated } from './common.js';
import { PersonRef } from './library.js';

/**
 * Files attached to a candidate (a CV and others). The type of a file is what its bytes are (PDF,
 * DOCX, plain UTF-8 text, PNG, JPEG), sniffed by the API; the name and type the client claimed do
 * not count. Anything else is refused with 415 and nothing is stored.
 */
export const FILE_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
  'image/png',
  'image/jpeg',
] as const;
export const FileContentType = z.enum(FILE_CONTENT_TYPES);
export type FileContentType = z.infer<typeof FileContentType>;

/** Short names of the accepted types, for messages and lists. */
export const FILE_TYPE_LABELS: Record<FileContentType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'text/plain': 'TXT',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** The largest file accepted when `FILE_MAX_BYTES` is not set: 10 MB. */
export const DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The multipart field an upload carries its file in. */
export const FILE_UPLOAD_FIELD = 'file';

export const CandidateFile = z
  .object({
    id: Uuid,
    candidateId: Uuid,
    /** The name it was uploaded with (path parts removed). */
    filename: z.string(),
    /** Sniffed from the content, never the client's claim. */
    contentType: FileContentType,
    sizeBytes: z.number().int(),
    /** Null when the uploader was removed, or for demo data. */
    uploadedBy: PersonRef.nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Whether the caller may delete it: its uploader, recruiters and admins. */
    canDelete: z.boolean(),
  })
  .meta({ id: 'CandidateFile' });
export type CandidateFile = z.infer<typeof CandidateFile>;

export const CandidateFileList = paginated(CandidateFile)
  .extend({
    /** The largest file this server accepts (FILE_MAX_BYTES), so the page can say so before uploading. */
    maxBytes: z.number().int(),
  })
  .meta({ id: 'CandidateFileList' });
export type CandidateFileList = z.infer<typeof CandidateFileList>;

export const CandidateFileListQuery = PageQuery;
export type CandidateFileListQuery = z.infer<typeof CandidateFileListQuery>;

/** `inline=1` serves a PDF for preview in the page (sandboxed); every other file is always an attachment. */
export const DownloadFileQuery = z.strictObject({
  inline: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export type DownloadFileQuery = z.infer<typeof DownloadFileQuery>;

/** The path of a file's download (`inline` for the in-page preview of a PDF). */
export function fileDownloadPath(id: string, inline = false): string {
  return `/api/v1/files/${encodeURIComponent(id)}${inline ? '?inline=1' : ''}`;
}
