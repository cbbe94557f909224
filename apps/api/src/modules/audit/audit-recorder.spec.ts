import { describe, expect, it } from '@jest/globals';
import { type Endpoint, endpoints, IdParams } from '@scorecard/contracts';
import type { Caller } from '../../common/request-context.js';
import { auditEventFor } from './audit-recorder.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';
const THING = '33333333-3333-4333-8333-333333333333';
const caller: Caller = {
  sessionId: '44444444-4444-4444-8444-444444444444',
  userId: USER,
  organizationId: ORG,
  organizationName: 'Acme',
  name: 'Ada',
  email: 'ada@acme.test',
  role: 'admin',
};

describe('auditEventFor: the event of a request that succeeded', () => {
  it('a create: the caller, the operation name, and the id of what the answer returns', () => {
    const event = auditEventFor(
      endpoints.createCandidate,
      { caller, params: {}, sentBody: { name: 'Dana', email: 'd@x.test', source: 'referral' }, id: 'req-1' },
      { id: THING, name: 'Dana' },
    );
    expect(event).toEqual({
      organizationId: ORG,
      actorUserId: USER,
      action: 'createCandidate',
      entityType: 'candidate',
      entityId: THING,
      changedFields: ['name', 'email', 'source'],
      requestId: 'req-1',
    });
  });

  it('a request made with an API token names the token beside its creator', () => {
    const apiToken = { id: '66666666-6666-4666-8666-666666666666', name: 'ATS', scopes: ['candidates:read' as const] };
    const event = auditEventFor(
      endpoints.getCandidate,
      { caller: { ...caller, apiToken }, params: { id: THING }, sentBody: undefined, id: 'req-9' },
      { id: THING },
    );
    expect(event).toMatchObject({
      actorUserId: USER,
      action: 'getCandidate',
      entityId: THING,
      apiTokenId: apiToken.id,
    });
  });

  it('a change to /x/:id names the :id even when the answer is another thing (a move answers the application)', () => {
    const event = auditEventFor(
      endpoints.scheduleInterview,
      { caller, params: { id: THING }, sentBody: {}, id: 'req-2' },
      { id: '55555555-5555-4555-8555-555555555555' },
    );
    expect(event).toMatchObject({ entityType: 'application', entityId: THING });
  });

  it('sign-up has no caller: the user and organization come from the answer', () => {
    const event = auditEventFor(
      endpoints.signup,
      { caller: undefined, params: {}, sentBody: { organizationName: 'Acme', password: 'x' }, id: 'req-3' },
      { token: 'secret-token', user: { id: USER }, organization: { id: ORG } },
    );
    expect(event).toMatchObject({
      organizationId: ORG,
      actorUserId: USER,
      entityType: 'organization',
      entityId: ORG,
      changedFields: ['organizationName'],
    });
  });

  it('a public request whose answer names no organization records nothing', () => {
    expect(auditEventFor(endpoints.login, { caller: undefined, params: {}, sentBody: {}, id: 'r' }, {})).toBeNull();
  });

  it('a read flagged `audited` is recorded like a write, with no fields', () => {
    const exportEndpoint: Endpoint = {
      method: 'get',
      path: '/api/v1/candidates/:id/export',
      summary: 'export',
      tag: 'privacy',
      access: { auth: 'session', roles: ['admin'] },
      params: IdParams,
      status: 200,
      response: null,
      audited: true,
    };
    const event = auditEventFor(exportEndpoint, { caller, params: { id: THING }, sentBody: undefined, id: 'r' }, {});
    expect(event).toMatchObject({
      action: 'GET /api/v1/candidates/:id/export',
      entityType: 'candidate',
      entityId: THING,
      changedFields: [],
    });
  });
});
