import { Body, Controller, Inject, Param, Query, type Type } from '@nestjs/common';
import type { DuplicateRequest, Endpoint, LibraryListQuery, PublishRequest } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import type { VersionedDocumentsService } from './versioned-documents.service.js';

interface VersionedEndpoints {
  list: Endpoint;
  create: Endpoint;
  get: Endpoint;
  update: Endpoint;
  duplicate: Endpoint;
  startDraft: Endpoint;
  getVersion: Endpoint;
  saveVersion: Endpoint;
  publishVersion: Endpoint;
}

type IdParam = { id: string };

/**
 * One controller class per kind of versioned document (rubrics, red-flag checklists), each bound to
 * its own endpoints and its own service instance: the routes are identical, so they are written once.
 */
export function versionedDocumentsController(name: string, ops: VersionedEndpoints, service: symbol): Type {
  @Controller()
  class VersionedDocumentsController {
    constructor(@Inject(service) private readonly docs: VersionedDocumentsService<unknown>) {}

    @Route(ops.list)
    list(@CurrentCaller() caller: Caller, @Query() query: LibraryListQuery) {
      return this.docs.list(caller, query);
    }

    @Route(ops.create)
    async create(
      @CurrentCaller() caller: Caller,
      @Body() body: { name: string; description: string; content: unknown },
    ) {
      return this.docs.get(caller, await this.docs.create(caller.organizationId, body));
    }

    @Route(ops.get)
    get(@CurrentCaller() caller: Caller, @Param() p: IdParam) {
      return this.docs.get(caller, p.id);
    }

    @Route(ops.update)
    update(
      @CurrentCaller() caller: Caller,
      @Param() p: IdParam,
      @Body() body: { name?: string; description?: string; archived?: boolean },
    ) {
      return this.docs.update(caller, p.id, body);
    }

    @Route(ops.duplicate)
    async duplicate(@CurrentCaller() caller: Caller, @Param() p: IdParam, @Body() body: DuplicateRequest) {
      return this.docs.get(caller, await this.docs.duplicate(caller, p.id, body.name));
    }

    @Route(ops.startDraft)
    startDraft(@CurrentCaller() caller: Caller, @Param() p: IdParam) {
      return this.docs.startDraft(caller, p.id);
    }

    @Route(ops.getVersion)
    getVersion(@CurrentCaller() caller: Caller, @Param() p: IdParam) {
      return this.docs.getVersion(caller, p.id);
    }

    @Route(ops.saveVersion)
    saveVersion(
      @CurrentCaller() caller: Caller,
      @Param() p: IdParam,
      @Body() body: { content: unknown; revision: number },
    ) {
      return this.docs.saveDraft(caller, p.id, body.content, body.revision);
    }

    @Route(ops.publishVersion)
    publishVersion(@CurrentCaller() caller: Caller, @Param() p: IdParam, @Body() body: PublishRequest) {
      return this.docs.publish(caller, p.id, body.revision);
    }
  }
  Object.defineProperty(VersionedDocumentsController, 'name', { value: name });
  return VersionedDocumentsController;
}
