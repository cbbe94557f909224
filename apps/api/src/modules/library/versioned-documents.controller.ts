import { Controller, Inject, type Type } from '@nestjs/common';
import type { InputOf, VersionedDocumentEndpoints } from '@scorecard/contracts';
import type { z } from 'zod';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Input, Route } from '../../common/route.decorator.js';
import type { VersionedDocumentsService } from './versioned-documents.service.js';

/**
 * The operations of either kind of document. The service is shared (it holds content as `unknown`),
 * so a handler's result is not checked against one kind's response schema; its input still is.
 */
type Ops = {
  [K in keyof VersionedDocumentEndpoints]: Omit<VersionedDocumentEndpoints[K], 'response'> & {
    readonly response: z.ZodType;
  };
};

/**
 * One controller class per kind of versioned document (rubrics, red-flag checklists), each bound to
 * its own endpoints and its own service instance: the routes are identical, so they are written once.
 */
export function versionedDocumentsController(name: string, ops: Ops, service: symbol): Type {
  @Controller()
  class VersionedDocumentsController {
    constructor(@Inject(service) private readonly docs: VersionedDocumentsService<unknown>) {}

    @Route(ops.list)
    list(@CurrentCaller() caller: Caller, @Input() { query }: InputOf<Ops['list']>) {
      return this.docs.list(caller, query);
    }

    @Route(ops.create)
    async create(@CurrentCaller() caller: Caller, @Input() { body }: InputOf<Ops['create']>) {
      return this.docs.get(caller, await this.docs.create(caller.organizationId, body));
    }

    @Route(ops.get)
    get(@CurrentCaller() caller: Caller, @Input() { params }: InputOf<Ops['get']>) {
      return this.docs.get(caller, params.id);
    }

    @Route(ops.update)
    update(@CurrentCaller() caller: Caller, @Input() { params, body }: InputOf<Ops['update']>) {
      return this.docs.update(caller, params.id, body);
    }

    @Route(ops.duplicate)
    async duplicate(@CurrentCaller() caller: Caller, @Input() { params, body }: InputOf<Ops['duplicate']>) {
      return this.docs.get(caller, await this.docs.duplicate(caller, params.id, body.name));
    }

    @Route(ops.startDraft)
    startDraft(@CurrentCaller() caller: Caller, @Input() { params }: InputOf<Ops['startDraft']>) {
      return this.docs.startDraft(caller, params.id);
    }

    @Route(ops.getVersion)
    getVersion(@CurrentCaller() caller: Caller, @Input() { params }: InputOf<Ops['getVersion']>) {
      return this.docs.getVersion(caller, params.id);
    }

    @Route(ops.saveVersion)
    saveVersion(@CurrentCaller() caller: Caller, @Input() { params, body }: InputOf<Ops['saveVersion']>) {
      return this.docs.saveDraft(caller, params.id, body.content, body.revision);
    }

    @Route(ops.publishVersion)
    publishVersion(@CurrentCaller() caller: Caller, @Input() { params, body }: InputOf<Ops['publishVersion']>) {
      return this.docs.publish(caller, params.id, body.revision);
    }
  }
  Object.defineProperty(VersionedDocumentsController, 'name', { value: name });
  return VersionedDocumentsController;
}
