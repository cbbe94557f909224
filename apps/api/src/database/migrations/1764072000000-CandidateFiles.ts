import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Files attached to a candidate (a CV and others). `candidate_files` holds what the API knows about
 * each file: its name, the content type sniffed from its bytes (never the client's), its size, and
 * where its bytes live (`storage`, `storage_key`). With the default PostgreSQL storage the bytes
 * live in `candidate_file_blobs`, a table of their own keyed by the storage key, so listing files
 * never reads them; with S3 storage they live in the bucket under the same key.
 */
export class CandidateFiles1764072000000 implements MigrationInterface {
  name = 'CandidateFiles1764072000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table candidate_files (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        candidate_id uuid not null,
        filename text not null check (length(filename) between 1 and 255),
        content_type text not null,
        size_bytes integer not null check (size_bytes >= 0),
        storage text not null check (storage in ('postgres', 's3')),
        storage_key text not null,
        uploaded_by uuid,
        created_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, candidate_id) references candidates (organization_id, id),
        foreign key (organization_id, uploaded_by) references users (organization_id, id)
      )`);
    await q.query(
      `create index candidate_files_candidate_idx on candidate_files (organization_id, candidate_id, created_at desc, id)`,
    );
    await isolateTenantTable(q, 'candidate_files');

    await q.query(`
      create table candidate_file_blobs (
        organization_id uuid not null,
        storage_key text not null,
        content bytea not null,
        created_at timestamptz not null default now(),
        primary key (organization_id, storage_key)
      )`);
    await isolateTenantTable(q, 'candidate_file_blobs');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table candidate_file_blobs`);
    await q.query(`drop table candidate_files`);
  }
}
