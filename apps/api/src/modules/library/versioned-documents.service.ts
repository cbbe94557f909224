import type { LibraryListQuery, Paginated } from '@scorecard/contracts';
import { checkVersionEdit, type PublishIssue, startDraftAction } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import {
  type DocumentRow,
  VersionedDocumentsRepository,
  type VersionedTables,
  type VersionRow,
} from './versioned-documents.repository.js';
import { Db } from '../../database/db.js';

export interface DocumentDetail<C> extends DocumentRow {
  versions: Awaited<ReturnType<VersionedDocumentsRepository<C>['versionSummaries']>>;
  draft: VersionRow<C> | null;
  published: VersionRow<C> | null;
}

export interface VersionedKind<C> {
  tables: VersionedTables;
  /** "rubric", "red-flag checklist": used in messages. */
  noun: string;
  /** What must be filled in before a version can be published. */
  publishIssues(content: C): PublishIssue[];
}

/**
 * The rules of versioned documents, shared by rubrics and red-flag checklists: one draft at a time,
 * a save must be based on the current revision, publishing freezes a version for good, and editing
 * after that starts the next version from the latest one.
 */
export class VersionedDocumentsService<C> {
  private readonly repo: VersionedDocumentsRepository<C>;

  constructor(
    private readonly db: Db,
    private readonly kind: VersionedKind<C>,
  ) {
    this.repo = new VersionedDocumentsRepository<C>(db, kind.tables);
  }

  private notFound(): AppError {
    return AppError.notFound(this.kind.noun);
  }

  async list(caller: Caller, query: LibraryListQuery): Promise<Paginated<DocumentRow>> {
    const { items, total } = await this.repo.list(caller.organizationId, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(caller: Caller, id: string): Promise<DocumentDetail<C>> {
    const doc = await this.repo.findDocument(caller.organizationId, id);
    if (!doc) throw this.notFound();
    const [versions, draft, published] = await Promise.all([
      this.repo.versionSummaries(caller.organizationId, id),
      doc.draftVersionId ? this.repo.findVersion(caller.organizationId, doc.draftVersionId) : null,
      doc.publishedVersionId ? this.repo.findVersion(caller.organizationId, doc.publishedVersionId) : null,
    ]);
    return { ...doc, versions, draft, published };
  }

  /** A new document whose first version is a draft (or, for the built-in kits, published). */
  async create(
    organizationId: string,
    input: { name: string; description: string; content: C },
    opts: { builtIn?: boolean; publish?: boolean } = {},
    m?: EntityManager,
  ): Promise<string> {
    const run = async (tx: EntityManager) => {
      const documentId = await this.repo.insertDocument(
        { organizationId, name: input.name, description: input.description, builtIn: opts.builtIn ?? false },
        tx,
      );
      await this.repo.insertVersion(
        { organizationId, documentId, version: 1, content: input.content, published: opts.publish ?? false },
        tx,
      );
      return documentId;
    };
    return m ? run(m) : this.db.transaction(run);
  }

  async update(caller: Caller, id: string, change: { name?: string; description?: string; archived?: boolean }) {
    if (!(await this.repo.updateDocument(caller.organizationId, id, change))) throw this.notFound();
    return this.get(caller, id);
  }

  /** Copies the latest published content (or the draft, if nothing is published) into a new document. */
  async duplicate(caller: Caller, id: string, name: string): Promise<string> {
    return this.db.transaction(async (m) => {
      const doc = await this.repo.findDocument(caller.organizationId, id, m);
      if (!doc) throw this.notFound();
      const sourceId = doc.publishedVersionId ?? doc.draftVersionId;
      const source = sourceId ? await this.repo.findVersion(caller.organizationId, sourceId, m) : null;
      if (!source) throw this.notFound();
      return this.create(caller.organizationId, { name, description: doc.description, content: source.content }, {}, m);
    });
  }

  async startDraft(caller: Caller, id: string): Promise<VersionRow<C>> {
    const versionId = await this.db.transaction(async (m) => {
      if (!(await this.repo.lockDocument(caller.organizationId, id, m))) throw this.notFound();
      const states = await this.repo.versionStates(caller.organizationId, id, m);
      const step = startDraftAction(states);
      if (step.action === 'use_existing_draft') {
        const doc = await this.repo.findDocument(caller.organizationId, id, m);
        return doc!.draftVersionId!;
      }
      const content =
        step.copyFrom === null ? null : await this.repo.contentOf(caller.organizationId, id, step.copyFrom, m);
      if (content === null) throw new Error(`version ${step.copyFrom} of ${id} has no content`);
      return this.repo.insertVersion(
        { organizationId: caller.organizationId, documentId: id, version: step.version, content },
        m,
      );
    });
    return this.getVersion(caller, versionId);
  }

  async getVersion(caller: Caller, versionId: string): Promise<VersionRow<C>> {
    const v = await this.repo.findVersion(caller.organizationId, versionId);
    if (!v) throw AppError.notFound(`${this.kind.noun} version`);
    return v;
  }

  private async lockedForEdit(caller: Caller, versionId: string, revision: number, m: EntityManager) {
    const v = await this.repo.findVersion(caller.organizationId, versionId, m, true);
    if (!v) throw AppError.notFound(`${this.kind.noun} version`);
    const verdict = checkVersionEdit(v, revision);
    if (!verdict.ok && verdict.reason === 'version_published') {
      throw new AppError(
        'version_published',
        `Version ${v.version} is published and never changes. Start a new draft to make changes.`,
      );
    }
    if (!verdict.ok) {
      throw new AppError(
        'stale_revision',
        'Someone saved this draft after you opened it. Reload to see their changes before saving yours.',
      );
    }
    return v;
  }

  async saveDraft(caller: Caller, versionId: string, content: C, revision: number): Promise<VersionRow<C>> {
    await this.db.transaction(async (m) => {
      const v = await this.lockedForEdit(caller, versionId, revision, m);
      await this.repo.saveDraft(caller.organizationId, versionId, content, m);
      await this.repo.touch(caller.organizationId, v.documentId, m);
    });
    return this.getVersion(caller, versionId);
  }

  async publish(caller: Caller, versionId: string, revision: number): Promise<VersionRow<C>> {
    await this.db.transaction(async (m) => {
      const v = await this.lockedForEdit(caller, versionId, revision, m);
      const issues = this.kind.publishIssues(v.content);
      if (issues.length > 0) {
        throw new AppError('validation_failed', `Complete the ${this.kind.noun} before publishing it.`, {
          errors: issues,
        });
      }
      await this.repo.publish(caller.organizationId, versionId, caller.userId, m);
      await this.repo.touch(caller.organizationId, v.documentId, m);
    });
    return this.getVersion(caller, versionId);
  }

  /** The published version with this id, for openings that must point at one. */
  async findPublished(organizationId: string, versionId: string, m?: EntityManager): Promise<VersionRow<C> | null> {
    const v = await this.repo.findVersion(organizationId, versionId, m);
    return v && v.status === 'published' ? v : null;
  }
}
