import { AuthSession, EmptyBody, LoginRequest, LoginResponse, Me, SignupRequest } from '../auth.js';
import { anyone, endpointGroup } from './endpoint.js';

/** Signing up, in and out, and who is signed in. */
export const authEndpoints = endpointGroup({
  signup: {
    method: 'post',
    path: '/api/v1/auth/signup',
    summary: 'Create an organization and its first admin, and sign in',
    tag: 'auth',
    access: { auth: 'public' },
    body: SignupRequest,
    status: 201,
    response: AuthSession,
    auditEntity: 'organization',
    auditedByHandler: true,
  },
  login: {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password (answers a two-factor challenge when the account has it)',
    tag: 'auth',
    access: { auth: 'public' },
    body: LoginRequest,
    status: 200,
    response: LoginResponse,
    auditEntity: 'session',
    auditedByHandler: true,
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
    auditEntity: 'session',
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
});
