import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CandidateFile,
  type CandidateFileList,
  type CandidateFileListQuery,
  type ExportedFile,
  FILE_TYPE_LABELS,
  FILE_UPLOAD_FIELD,
} from '@scorecard/contracts';
import { roundHalfUp } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { FileStorages } from './file-storages.js';
import { FilesRepository, type StoredFile } from './files.repository.js';
import { sniffContentType } from './sniff.js';

const ACCEPTED = Object.values(FILE_TYPE_LABELS).join(', ');

/** The name to keep: the last part of what the client sent, without control characters, at most 255 characters. */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...(clean || 'file')].slice(0, 255).join('');
}

export const megabytes = (bytes: number) => `${roundHalfUp(bytes / 1024 / 1024, 1)} MB`;

@Injectable()
export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly storages: FileStorages,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.fileMaxBytes;
  }

  /** 404 unless the candidate is the organization's and the caller may see their files; 409 once erased. */
  private async visibleCandidate(caller: Caller, candidateId: string): Promise<{ erased: boolean }> {
    const c = await this.files.candidate(caller.organizationId, caller, candidateId);
    if (!c) throw AppError.notFound('candidate');
    return c;
  }

  /** Checked before the upload's bytes are read, so a refused upload reads nothing. */
  async checkCanUpload(caller: Caller, candidateId: string): Promise<void> {
    const c = await this.visibleCandidate(caller, candidateId);
    if (c.erased) {
      throw new AppError('invalid_transition', 'This candidate’s personal data was erased: no files can be added.');
    }
  }

  async upload(caller: Caller, candidateId: string, name: string | undefined, bytes: Buffer): Promise<CandidateFile> {
    const contentType = await sniffContentType(bytes);
    if (!contentType) {
      throw new AppError(
        'unsupported_media_type',
        `This file is not a ${ACCEPTED} file (its content was checked, not its name). Nothing was stored.`,
        { errors: [{ path: FILE_UPLOAD_FIELD, message: `Upload a ${ACCEPTED} file.` }] },
      );
    }
    const id = randomUUID();
    const storage = this.storages.current;
    const storageKey = `candidates/${candidateId}/${id}`;
    await storage.put(caller.organizationId, storageKey, bytes, contentType);
    try {
      await this.files.insert(caller.organizationId, {
        id,
        candidateId,
        filename: cleanFilename(name),
        contentType,
        sizeBytes: bytes.length,
        storage: storage.kind,
        storageKey,
        uploadedBy: caller.userId,
      });
    } catch (err) {
      // Bytes outside the database do not roll back with it.
      if (storage.kind !== 'postgres') await storage.delete(caller.organizationId, storageKey).catch(() => undefined);
      throw err;
    }
    const found = await this.files.find(caller.organizationId, caller, id);
    if (!found) throw AppError.notFound('file');
    return found.file;
  }

  async list(caller: Caller, candidateId: string, query: CandidateFileListQuery): Promise<CandidateFileList> {
    await this.visibleCandidate(caller, candidateId);
    const { items, total } = await this.files.list(
      caller.organizationId,
      caller,
      candidateId,
      query.page,
      query.pageSize,
    );
    return { items, total, page: query.page, pageSize: query.pageSize, maxBytes: this.maxBytes };
  }

  async download(caller: Caller, id: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const file = await this.files.find(caller.organizationId, caller, id);
    if (!file) throw AppError.notFound('file');
    const bytes = await this.storages.of(file.storage).get(caller.organizationId, file.storageKey);
    if (!bytes) throw AppError.notFound('file');
    return { file, bytes };
  }

  /** Its uploader, recruiters and admins; a hiring manager only their own uploads. */
  async delete(caller: Caller, id: string): Promise<void> {
    const file = await this.files.find(caller.organizationId, caller, id);
    if (!file) throw AppError.notFound('file');
    if (!file.file.canDelete) {
      throw new AppError('forbidden', 'Only the person who uploaded this file, a recruiter or an admin can delete it.');
    }
    await this.files.delete(caller.organizationId, id);
    await this.storages.of(file.storage).delete(caller.organizationId, file.storageKey);
  }

  /** Erasure: every file of the candidate, rows and stored bytes, in whichever storage holds them. */
  async eraseForCandidate(organizationId: string, candidateId: string): Promise<number> {
    const removed = await this.files.deleteForCandidate(organizationId, candidateId);
    for (const f of removed) await this.storages.of(f.storage).delete(organizationId, f.storageKey);
    return removed.length;
  }

  exportList(organizationId: string, candidateId: string): Promise<ExportedFile[]> {
    return this.files.exportList(organizationId, candidateId);
  }
}
