import {
  type CallHandler,
  type CanActivate,
  Controller,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { endpoints, type InputOf, SCIM_CONTENT_TYPE } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { Input, Route } from '../../common/route.decorator.js';
import type { ScimClient } from './scim-auth.js';
import { ScimError, ScimErrorFilter } from './scim-error.js';
import { type ScimRequest, ScimService } from './scim.service.js';

/** Every SCIM answer is `application/scim+json` (RFC 7644 §3.1). */
@Injectable()
class ScimContentType implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    ctx.switchToHttp().getResponse<FastifyReply>().header('content-type', SCIM_CONTENT_TYPE);
    return next.handle();
  }
}

/** The deepest nesting a SCIM document may have (the ones identity providers send have about five levels). */
const MAX_DEPTH = 32;

/** Whether a parsed body nests deeper than MAX_DEPTH; without recursion, so no body can exhaust the stack. */
function nestsTooDeep(body: unknown): boolean {
  const stack: [unknown, number][] = [[body, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The media types a SCIM body may come in (RFC 7644 §3.1: SCIM's own; JSON is accepted as well). */
const SCIM_BODY_TYPES = new Set([SCIM_CONTENT_TYPE, 'application/json']);

/**
 * Checks a SCIM body before validation sees it. SCIM's schemas keep the attributes they do not
 * know (identity providers send many), so they would take a form-encoded body as a document with
 * none of the attributes (a PUT of a group would then empty it), and a deeply nested document would
 * reach the validation's recursive scan of strings and overflow the stack (a 500).
 */
@Injectable()
class ScimBodyCheck implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    if (req.body === undefined) return true;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!SCIM_BODY_TYPES.has(type)) {
      throw new ScimError(415, `Send SCIM documents as ${SCIM_CONTENT_TYPE}.`);
    }
    if (nestsTooDeep(req.body)) {
      throw new ScimError(400, `A SCIM document nests at most ${MAX_DEPTH} levels deep.`, 'invalidSyntax');
    }
    return true;
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
@UseGuards(ScimBodyCheck)
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
