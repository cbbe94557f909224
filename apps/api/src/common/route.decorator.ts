import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from '@nestjs/common';
import type { Endpoint } from '@scorecard/contracts';

export const ENDPOINT = Symbol('scorecard:endpoint');

const METHODS = { get: Get, post: Post, patch: Patch, put: Put, delete: Delete } as const;

/**
 * Binds a controller method to one entry of the contracts' endpoint table: its method, path and
 * status. The global guard authorises and the global interceptor validates from the same entry.
 */
export function Route(endpoint: Endpoint): MethodDecorator {
  return applyDecorators(
    METHODS[endpoint.method](endpoint.path),
    HttpCode(endpoint.status),
    SetMetadata(ENDPOINT, endpoint),
  );
}
