import type { z } from 'zod';
import { AuthSession, EmptyBody, LoginRequest, Me, SignupRequest } from './auth.js';
import { IdParams, type Role } from './common.js';
import { Health } from './health.js';
import { CreateUserRequest, UpdateUserRequest, User, UserList, UserListQuery } from './users.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Who may call an endpoint. `public` needs no session; otherwise a session is needed and, when
 * `roles` lists roles, the caller must hold one of them.
 */
export type Access =
  { readonly auth: 'public' } | { readonly auth: 'session'; readonly roles: 'any' | readonly Role[] };

export interface Endpoint {
  readonly method: HttpMethod;
  /** Path in `:param` form, as the router sees it. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success status and the schema of its body (`null` for no body). */
  readonly status: number;
  readonly response: z.ZodType | null;
}

const anyone = { auth: 'session', roles: 'any' } as const;
const admins = { auth: 'session', roles: ['admin'] } as const;

/**
 * Every operation of the API, in one table. The API routes, validates and authorises from it; the
 * OpenAPI document is generated from it; the web client types its calls with it.
 */
export const endpoints = {
  health: {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: 200 when the database answers, 503 otherwise',
    tag: 'system',
    access: { auth: 'public' },
    status: 200,
    response: Health,
  },
  signup: {
    method: 'post',
    path: '/api/v1/auth/signup',
    summary: 'Create an organization and its first admin, and sign in',
    tag: 'auth',
    access: { auth: 'public' },
    body: SignupRequest,
    status: 201,
    response: AuthSession,
  },
  login: {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    access: { auth: 'public' },
    body: LoginRequest,
    status: 200,
    response: AuthSession,
  },
  logout: {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Revoke the current session',
    tag: 'auth',
    access: anyone,
    body: EmptyBody.optional(),
    status: 204,
    response: null,
  },
  me: {
    method: 'get',
    path: '/api/v1/me',
    summary: 'The signed-in user and their organization',
    tag: 'auth',
    access: anyone,
    status: 200,
    response: Me,
  },
  listUsers: {
    method: 'get',
    path: '/api/v1/users',
    summary: 'List the users of the organization',
    tag: 'users',
    access: admins,
    query: UserListQuery,
    status: 200,
    response: UserList,
  },
  createUser: {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Add a user with a role',
    tag: 'users',
    access: admins,
    body: CreateUserRequest,
    status: 201,
    response: User,
  },
  getUser: {
    method: 'get',
    path: '/api/v1/users/:id',
    summary: 'One user of the organization',
    tag: 'users',
    access: admins,
    params: IdParams,
    status: 200,
    response: User,
  },
  updateUser: {
    method: 'patch',
    path: '/api/v1/users/:id',
    summary: 'Rename a user, change their role, or deactivate or reactivate them',
    tag: 'users',
    access: admins,
    params: IdParams,
    body: UpdateUserRequest,
    status: 200,
    response: User,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** The header the web client sends on every request; cookie-authenticated writes without it are refused. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'scorecard';
export const SESSION_COOKIE = 'scorecard_session';
