import { Controller, Req, Res } from '@nestjs/common';
import { endpoints, FILE_UPLOAD_FIELD, type InputOf } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error.js';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Input, Route } from '../../common/route.decorator.js';
import { FilesService, megabytes } from './files.service.js';

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 8187), safe for any name. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A served file can never run as a page: no scripts, no plugins, a unique origin. */
const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";
/** The in-page PDF preview: the same, but the app's own pages may frame it. */
const PREVIEW_CSP = "default-src 'none'; sandbox; frame-ancestors 'self'";

const tooLarge = (max: number) =>
  new AppError(
    'payload_too_large',
    `This file is larger than ${megabytes(max)}, the most a file may be. Nothing was stored.`,
    {
      errors: [{ path: FILE_UPLOAD_FIELD, message: `Upload a file of at most ${megabytes(max)}.` }],
    },
  );

@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Route(endpoints.uploadCandidateFile)
  async upload(
    @CurrentCaller() caller: Caller,
    @Input() { params }: InputOf<'uploadCandidateFile'>,
    @Req() req: FastifyRequest,
  ) {
    await this.files.checkCanUpload(caller, params.id);
    if (!req.isMultipart()) {
      throw new AppError(
        'unsupported_media_type',
        `Send the file as multipart/form-data, in the field "${FILE_UPLOAD_FIELD}".`,
      );
    }
    const max = this.files.maxBytes;
    let part: Awaited<ReturnType<FastifyRequest['file']>>;
    try {
      part = await req.file({ limits: { fileSize: max, files: 1 } });
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(max);
      throw new AppError('bad_request', 'The multipart body could not be read.');
    }
    if (!part || part.fieldname !== FILE_UPLOAD_FIELD) {
      throw AppError.invalid([
        { path: FILE_UPLOAD_FIELD, message: `Attach the file in the field "${FILE_UPLOAD_FIELD}".` },
      ]);
    }
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(max);
      throw err;
    }
    if (part.file.truncated) throw tooLarge(max);
    return this.files.upload(caller, params.id, part.filename, bytes);
  }

  @Route(endpoints.listCandidateFiles)
  list(@CurrentCaller() caller: Caller, @Input() { params, query }: InputOf<'listCandidateFiles'>) {
    return this.files.list(caller, params.id, query);
  }

  /**
   * The bytes with the type sniffed at upload, as an attachment; `inline=1` on a PDF shows it in
   * the page's preview frame instead, still sandboxed. `nosniff` keeps browsers from guessing.
   */
  @Route(endpoints.downloadFile)
  async download(
    @CurrentCaller() caller: Caller,
    @Input() { params, query }: InputOf<'downloadFile'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { file, bytes } = await this.files.download(caller, params.id);
    const inline = query.inline && file.contentType === 'application/pdf';
    void reply.header(
      'content-type',
      file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
    );
    void reply.header('content-length', String(bytes.length));
    void reply.header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename));
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('cache-control', 'private, no-store');
    void reply.header('content-security-policy', inline ? PREVIEW_CSP : DOWNLOAD_CSP);
    void reply.header('x-frame-options', inline ? 'SAMEORIGIN' : 'DENY');
    return bytes;
  }

  @Route(endpoints.deleteFile)
  async remove(@CurrentCaller() caller: Caller, @Input() { params }: InputOf<'deleteFile'>): Promise<void> {
    await this.files.delete(caller, params.id);
  }
}
