import type { LibraryListQuery, PersonRef, VersionStatus, VersionSummary } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, escapeLike, type Col, type Cols, type LeftJoined } from '../../database/db.js';

/** Which tables hold one kind of versioned document. */
export interface VersionedTables {
  documents: 'rubrics' | 'red_flag_checklists';
  versions: 'rubric_versions' | 'red_flag_checklist_versions';
  documentFk: 'rubric_id' | 'checklist_id';
}

export const RUBRIC_TABLES: VersionedTables = {
  documents: 'rubrics',
  versions: 'rubric_versions',
  documentFk: 'rubric_id',
};
export const CHECKLIST_TABLES: VersionedTables = {
  documents: 'red_flag_checklists',
  versions: 'red_flag_checklist_versions',
  documentFk: 'checklist_id',
};

export interface DocumentRow {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  archivedAt: string | null;
  publishedVersion: number | null;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  updatedAt: string;
}

export interface VersionRow<C> {
  id: string;
  documentId: string;
  documentName: string;
  version: number;
  status: VersionStatus;
  revision: number;
  content: C;
  publishedAt: string | null;
  publishedBy: PersonRef | null;
  updatedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// Rows are typed by the rubric tables; the checklist tables have the same columns (but `checklist_id`).

/** A row of `docSelect`. */
type DocumentSqlRow = Cols<'rubrics', 'id' | 'name' | 'description' | 'built_in' | 'archived_at' | 'updated_at'> & {
  published_version: Col<'rubric_versions', 'version'> | null;
  published_version_id: Col<'rubric_versions', 'id'> | null;
  draft_version_id: Col<'rubric_versions', 'id'> | null;
};

/**
 * SQL for rubrics and red-flag checklists alike: the two kinds differ only in their tables and in
 * the shape of `content`, which this layer stores as one JSON document.
 */
export class VersionedDocumentsRepository<C> {
  constructor(
    private readonly db: Db,
    private readonly t: VersionedTables,
  ) {}

  private docSelect(where: string): string {
    const { documents, versions, documentFk } = this.t;
    return `
      select d.id, d.name, d.description, d.built_in, d.archived_at, d.updated_at,
             p.version as published_version, p.id as published_version_id, dr.id as draft_version_id
        from ${documents} d
        left join lateral (
          select v.id, v.version from ${versions} v
           where v.organization_id = d.organization_id and v.${documentFk} = d.id and v.status = 'published'
           order by v.version desc limit 1) p on true
        left join lateral (
          select v.id from ${versions} v
           where v.organization_id = d.organization_id and v.${documentFk} = d.id and v.status = 'draft') dr on true
       where ${where}`;
  }

  private toDocument(r: DocumentSqlRow): DocumentRow {
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      builtIn: r.built_in,
      archivedAt: iso(r.archived_at),
      publishedVersion: r.published_version,
      publishedVersionId: r.published_version_id,
      draftVersionId: r.draft_version_id,
      updatedAt: r.updated_at.toISOString(),
    };
  }

  async list(organizationId: string, q: LibraryListQuery): Promise<{ items: DocumentRow[]; total: number }> {
    const args: unknown[] = [organizationId, q.archived ?? false];
    let where = `d.organization_id = $1 and (d.archived_at is not null) = $2`;
    if (q.q) {
      args.push(escapeLike(q.q.toLowerCase()));
      where += ` and (lower(d.name) like $3 || '%' or lower(d.name) like '% ' || $3 || '%')`;
    }
    args.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows = await this.db.query<(DocumentSqlRow & { total: number })[]>(
      `select x.*, count(*) over ()::int as total from (${this.docSelect(where)}) x
        order by lower(x.name), x.id limit $${args.length - 1} offset $${args.length}`,
      args,
    );
    return { items: rows.map((r) => this.toDocument(r)), total: rows[0]?.total ?? 0 };
  }

  async findDocument(
    organizationId: string,
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<DocumentRow | null> {
    const rows = await m.query<DocumentSqlRow[]>(this.docSelect('d.organization_id = $1 and d.id = $2'), [
      organizationId,
      id,
    ]);
    return rows[0] ? this.toDocument(rows[0]) : null;
  }

  async versionSummaries(organizationId: string, documentId: string): Promise<VersionSummary[]> {
    const rows = await this.db.query<Cols<'rubric_versions', 'id' | 'version' | 'status' | 'published_at'>[]>(
      `select id, version, status, published_at from ${this.t.versions}
        where organization_id = $1 and ${this.t.documentFk} = $2 order by version desc`,
      [organizationId, documentId],
    );
    return rows.map((r) => ({ id: r.id, version: r.version, status: r.status, publishedAt: iso(r.published_at) }));
  }

  async findVersion(
    organizationId: string,
    versionId: string,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<VersionRow<C> | null> {
    const { documents, versions, documentFk } = this.t;
    const rows = await m.query<
      (Cols<'rubric_versions', 'id' | 'version' | 'status' | 'revision' | 'published_at' | 'updated_at'> & {
        document_id: Col<'rubric_versions', 'rubric_id'>;
        document_name: Col<'rubrics', 'name'>;
        content: C;
      } & LeftJoined<{ published_by_id: Col<'users', 'id'>; published_by_name: Col<'users', 'name'> }>)[]
    >(
      `select v.id, v.${documentFk} as document_id, d.name as document_name, v.version, v.status, v.revision,
              v.content, v.published_at, v.updated_at, u.id as published_by_id, u.name as published_by_name
         from ${versions} v
         join ${documents} d on d.organization_id = v.organization_id and d.id = v.${documentFk}
         left join users u on u.organization_id = v.organization_id and u.id = v.published_by
        where v.organization_id = $1 and v.id = $2${lock ? ' for update of v' : ''}`,
      [organizationId, versionId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      documentId: r.document_id,
      documentName: r.document_name,
      version: r.version,
      status: r.status,
      revision: r.revision,
      content: r.content,
      publishedAt: iso(r.published_at),
      publishedBy: r.published_by_id === null ? null : { id: r.published_by_id, name: r.published_by_name },
      updatedAt: r.updated_at.toISOString(),
    };
  }

  async insertDocument(
    input: { organizationId: string; name: string; description: string; builtIn?: boolean },
    m: EntityManager,
  ): Promise<string> {
    const [row] = await m.query<Cols<'rubrics', 'id'>[]>(
      `insert into ${this.t.documents} (organization_id, name, description, built_in) values ($1, $2, $3, $4) returning id`,
      [input.organizationId, input.name, input.description, input.builtIn ?? false],
    );
    return row!.id;
  }

  async insertVersion(
    input: {
      organizationId: string;
      documentId: string;
      version: number;
      content: C;
      publishedBy?: string | null;
      published?: boolean;
    },
    m: EntityManager,
  ): Promise<string> {
    const [row] = await m.query<Cols<'rubric_versions', 'id'>[]>(
      `insert into ${this.t.versions} (organization_id, ${this.t.documentFk}, version, status, content, published_at, published_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        input.organizationId,
        input.documentId,
        input.version,
        input.published ? 'published' : 'draft',
        JSON.stringify(input.content),
        input.published ? new Date() : null,
        input.publishedBy ?? null,
      ],
    );
    await this.touch(input.organizationId, input.documentId, m);
    return row!.id;
  }

  async updateDocument(
    organizationId: string,
    id: string,
    change: { name?: string; description?: string; archived?: boolean },
  ): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `update ${this.t.documents} set
          name = coalesce($3, name),
          description = coalesce($4, description),
          archived_at = case when $5::boolean is null then archived_at
                             when $5::boolean then coalesce(archived_at, now()) else null end,
          updated_at = now()
        where organization_id = $1 and id = $2`,
      [organizationId, id, change.name ?? null, change.description ?? null, change.archived ?? null],
    );
    return count > 0;
  }

  async saveDraft(organizationId: string, versionId: string, content: C, m: EntityManager): Promise<void> {
    await m.query(
      `update ${this.t.versions} set content = $3, revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2 and status = 'draft'`,
      [organizationId, versionId, JSON.stringify(content)],
    );
  }

  async publish(organizationId: string, versionId: string, userId: string, m: EntityManager): Promise<void> {
    await m.query(
      `update ${this.t.versions} set status = 'published', published_at = now(), published_by = $3,
              revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2 and status = 'draft'`,
      [organizationId, versionId, userId],
    );
  }

  async touch(organizationId: string, documentId: string, m: EntityManager): Promise<void> {
    await m.query(`update ${this.t.documents} set updated_at = now() where organization_id = $1 and id = $2`, [
      organizationId,
      documentId,
    ]);
  }

  /** The content of the newest version (draft or published) with that number or below. */
  async contentOf(organizationId: string, documentId: string, version: number, m: EntityManager): Promise<C | null> {
    const rows = await m.query<{ content: C }[]>(
      `select content from ${this.t.versions} where organization_id = $1 and ${this.t.documentFk} = $2 and version = $3`,
      [organizationId, documentId, version],
    );
    return rows[0]?.content ?? null;
  }

  async versionStates(organizationId: string, documentId: string, m: EntityManager) {
    const rows = await m.query<Cols<'rubric_versions', 'version' | 'status'>[]>(
      `select version, status from ${this.t.versions} where organization_id = $1 and ${this.t.documentFk} = $2`,
      [organizationId, documentId],
    );
    return rows;
  }

  /** Serialises draft creation per document (the partial unique index is the last line of defence). */
  async lockDocument(organizationId: string, documentId: string, m: EntityManager): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `select 1 from ${this.t.documents} where organization_id = $1 and id = $2 for update`,
      [organizationId, documentId],
    );
    return rows.length > 0;
  }
}
