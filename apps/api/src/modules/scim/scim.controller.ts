import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  Req,
  Res,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { endpoints, type InputOf, SCIM_CONTENT_TYPE } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { Input, Route } from '../../common/route.decorator.js';
import type { ScimClient } from './scim-auth.js';
import { ScimErrorFilter } from './scim-error.js';
import { type ScimRequest, ScimService } from './scim.service.js';

/** Every SCIM answer is `application/scim+json` (RFC 7644 §3.1). */
@Injectable()
class ScimContentType implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    ctx.switchToHttp().getResponse<FastifyReply>().header('content-type', SCIM_CONTENT_TYPE);
    return next.handle();
  }
}

function scimRequest(req: FastifyRequest): ScimRequest {
  const client: ScimClient | undefined = req.scimClient;
  if (!client) throw new Error('SCIM route reached without a SCIM client');
  return { client, requestId: String(req.id) };
}

/**
 * SCIM 2.0 for identity providers (Okta, Microsoft Entra ID…), authenticated by a SCIM token (see
 * `authenticateScimClient`); errors in SCIM's format.
 */
@Controller()
@UseFilters(ScimErrorFilter)
@UseInterceptors(ScimContentType)
export class ScimController {
  constructor(private readonly scim: ScimService) {}

  @Route(endpoints.scimServiceProviderConfig)
  serviceProviderConfig() {
    return this.scim.serviceProviderConfig();
  }

  @Route(endpoints.scimSchemas)
  schemas() {
    return this.scim.schemas();
  }

  @Route(endpoints.scimResourceTypes)
  resourceTypes() {
    return this.scim.resourceTypes();
  }

  @Route(endpoints.scimListUsers)
  listUsers(@Input() { query }: InputOf<'scimListUsers'>, @Req() req: FastifyRequest) {
    return this.scim.listUsers(scimRequest(req), query);
  }

  @Route(endpoints.scimGetUser)
  getUser(@Input() { params }: InputOf<'scimGetUser'>, @Req() req: FastifyRequest) {
    return this.scim.getUser(scimRequest(req), params.id);
  }

  @Route(endpoints.scimCreateUser)
  async createUser(
    @Input() { body }: InputOf<'scimCreateUser'>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const user = await this.scim.createUser(scimRequest(req), body);
    const location = (user.meta as { location?: string } | undefined)?.location;
    if (location) void reply.header('location', location);
    return user;
  }

  @Route(endpoints.scimReplaceUser)
  replaceUser(@Input() { params, body }: InputOf<'scimReplaceUser'>, @Req() req: FastifyRequest) {
    return this.scim.replaceUser(scimRequest(req), params.id, body);
  }

  @Route(endpoints.scimPatchUser)
  patchUser(@Input() { params, body }: InputOf<'scimPatchUser'>, @Req() req: FastifyRequest) {
    return this.scim.patchUser(scimRequest(req), params.id, body);
  }

  @Route(endpoints.scimDeleteUser)
  deleteUser(@Input() { params }: InputOf<'scimDeleteUser'>, @Req() req: FastifyRequest) {
    return this.scim.deleteUser(scimRequest(req), params.id);
  }

  @Route(endpoints.scimListGroups)
  listGroups(@Input() { query }: InputOf<'scimListGroups'>, @Req() req: FastifyRequest) {
    return this.scim.listGroups(scimRequest(req), query);
  }

  @Route(endpoints.scimGetGroup)
  getGroup(@Input() { params, query }: InputOf<'scimGetGroup'>, @Req() req: FastifyRequest) {
    return this.scim.getGroup(scimRequest(req), params.id, query);
  }

  @Route(endpoints.scimPatchGroup)
  patchGroup(@Input() { params, body }: InputOf<'scimPatchGroup'>, @Req() req: FastifyRequest) {
    return this.scim.patchGroup(scimRequest(req), params.id, body);
  }

  @Route(endpoints.scimReplaceGroup)
  replaceGroup(@Input() { params, body }: InputOf<'scimReplaceGroup'>, @Req() req: FastifyRequest) {
    return this.scim.replaceGroup(scimRequest(req), params.id, body);
  }

  @Route(endpoints.scimCreateGroup)
  createGroup(): never {
    return this.scim.refuseGroupChange();
  }

  @Route(endpoints.scimDeleteGroup)
  deleteGroup(): never {
    return this.scim.refuseGroupChange();
  }
}
