import { Injectable } from '@nestjs/common';
import type { CandidateFile, ExportedFile, FileContentType, Role } from '@scorecard/contracts';
import { Db, type Col, type Cols } from '../../database/db.js';

export interface StoredFile {
  id: string;
  candidateId: string;
  filename: string;
  contentType: FileContentType;
  sizeBytes: number;
  storage: 'postgres' | 's3';
  storageKey: string;
  uploadedBy: string | null;
}

export interface NewFile {
  id: string;
  candidateId: string;
  filename: string;
  contentType: FileContentType;
  sizeBytes: number;
  storage: 'postgres' | 's3';
  storageKey: string;
  uploadedBy: string;
}

/**
 * Whether a caller may see a candidate's files: recruiters, hiring managers and admins always; an
 * interviewer only with a (not cancelled) interview for the candidate on an opening that shows
 * candidate details to interviewers. `$1` organization, `$2` caller id, `$3` caller role, and the
 * candidate id column `candidate`.
 */
const VISIBLE = (candidate: string) => `
  ($3::text <> 'interviewer' or exists (
     select 1 from interviews i
       join applications a on a.organization_id = i.organization_id and a.id = i.application_id
       join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
      where i.organization_id = $1 and i.interviewer_id = $2 and i.status <> 'cancelled'
        and a.candidate_id = ${candidate} and not o.hide_candidate_details))`;

/** A row of SELECT. */
type FileRow = Cols<
  'candidate_files',
  | 'id'
  | 'candidate_id'
  | 'filename'
  | 'content_type'
  | 'size_bytes'
  | 'storage'
  | 'storage_key'
  | 'uploaded_by'
  | 'created_at'
> & { uploader_name: Col<'users', 'name'> | null };

const uploader = (r: FileRow) =>
  r.uploaded_by ? { id: r.uploaded_by, name: r.uploader_name ?? 'Removed user' } : null;

function toFile(r: FileRow, caller: { userId: string; role: Role }): CandidateFile {
  const uploaderId = r.uploaded_by;
  return {
    id: r.id,
    candidateId: r.candidate_id,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    uploadedBy: uploader(r),
    createdAt: r.created_at.toISOString(),
    canDelete: caller.role === 'admin' || caller.role === 'recruiter' || (!!uploaderId && uploaderId === caller.userId),
  };
}

const SELECT = (extra = '') => `
  select f.id, f.candidate_id, f.filename, f.content_type, f.size_bytes, f.storage, f.storage_key,
         f.uploaded_by, f.created_at, u.name as uploader_name${extra}
    from candidate_files f
    left join users u on u.organization_id = f.organization_id and u.id = f.uploaded_by`;

@Injectable()
export class FilesRepository {
  constructor(private readonly db: Db) {}

  /** Whether the candidate is the organization's and visible to the caller; null when not found. */
  async candidate(
    organizationId: string,
    caller: { userId: string; role: Role },
    candidateId: string,
  ): Promise<{ erased: boolean } | null> {
    const rows = await this.db.query<{ erased: boolean }[]>(
      `select c.erased_at is not null as erased from candidates c
        where c.organization_id = $1 and c.id = $4 and ${VISIBLE('c.id')}`,
      [organizationId, caller.userId, caller.role, candidateId],
    );
    return rows[0] ?? null;
  }

  async insert(organizationId: string, f: NewFile): Promise<void> {
    await this.db.query(
      `insert into candidate_files (organization_id, id, candidate_id, filename, content_type, size_bytes,
                                    storage, storage_key, uploaded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        organizationId,
        f.id,
        f.candidateId,
        f.filename,
        f.contentType,
        f.sizeBytes,
        f.storage,
        f.storageKey,
        f.uploadedBy,
      ],
    );
  }

  async list(
    organizationId: string,
    caller: { userId: string; role: Role },
    candidateId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: CandidateFile[]; total: number }> {
    const rows = await this.db.query<(FileRow & { total: number })[]>(
      `${SELECT(', count(*) over ()::int as total')}
        where f.organization_id = $1 and f.candidate_id = $2
        order by f.created_at desc, f.id
        limit $3 offset $4`,
      [organizationId, candidateId, pageSize, (page - 1) * pageSize],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page > 1) {
      const [c] = await this.db.query<{ n: number }[]>(
        `select count(*)::int as n from candidate_files where organization_id = $1 and candidate_id = $2`,
        [organizationId, candidateId],
      );
      total = c?.n ?? 0;
    }
    return { items: rows.map((r) => toFile(r, caller)), total };
  }

  /** One file the caller may see, or null. */
  async find(
    organizationId: string,
    caller: { userId: string; role: Role },
    id: string,
  ): Promise<(StoredFile & { file: CandidateFile }) | null> {
    const rows = await this.db.query<FileRow[]>(
      `${SELECT()}
        where f.organization_id = $1 and f.id = $4 and ${VISIBLE('f.candidate_id')}`,
      [organizationId, caller.userId, caller.role, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      candidateId: r.candidate_id,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      storage: r.storage,
      storageKey: r.storage_key,
      uploadedBy: r.uploaded_by,
      file: toFile(r, caller),
    };
  }

  async delete(organizationId: string, id: string): Promise<void> {
    await this.db.query(`delete from candidate_files where organization_id = $1 and id = $2`, [organizationId, id]);
  }

  /** Deletes every file row of a candidate; returns where their bytes are, for the storage to delete. */
  async deleteForCandidate(
    organizationId: string,
    candidateId: string,
  ): Promise<{ storage: 'postgres' | 's3'; storageKey: string }[]> {
    const rows = await this.db.query<Cols<'candidate_files', 'storage' | 'storage_key'>[]>(
      `delete from candidate_files where organization_id = $1 and candidate_id = $2 returning storage, storage_key`,
      [organizationId, candidateId],
    );
    // node-postgres answers a DELETE … RETURNING through TypeORM as [rows, count].
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows) : rows;
    return list.map((r) => ({ storage: r.storage, storageKey: r.storage_key }));
  }

  /** A candidate's files as a subject access export lists them, oldest first. */
  async exportList(organizationId: string, candidateId: string): Promise<ExportedFile[]> {
    const rows = await this.db.query<FileRow[]>(
      `${SELECT()}
        where f.organization_id = $1 and f.candidate_id = $2
        order by f.created_at, f.id`,
      [organizationId, candidateId],
    );
    return rows.map((r) => ({
      id: r.id,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      uploadedAt: r.created_at.toISOString(),
      uploadedBy: uploader(r),
    }));
  }
}
