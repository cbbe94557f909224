import { beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthSession } from '@scorecard/contracts';
import { addMember, bearer, signup } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let a: AuthSession;
let b: AuthSession;
beforeAll(async () => {
  a = await signup(t, 'Org A');
  b = await signup(t, 'Org B');
});

describe('a second organization sees nothing of the first', () => {
  it('lists only its own users', async () => {
    await addMember(t, a, 'interviewer');
    const res = await t.http().get('/api/v1/users?pageSize=100').set(bearer(b.token)).expect(200);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([b.user.id]);
    expect(res.body.total).toBe(1);
  });

  it('reading a user of another organization answers 404, as if it did not exist', async () => {
    const res = await t.http().get(`/api/v1/users/${a.user.id}`).set(bearer(b.token)).expect(404);
    expect(res.body.code).toBe('not_found');
    expect(JSON.stringify(res.body)).not.toContain(a.user.email);
  });

  it('changing a user of another organization answers 404 and changes nothing', async () => {
    const victim = await addMember(t, a, 'recruiter');
    for (const change of [{ role: 'admin' }, { active: false }, { name: 'Hijacked' }]) {
      await t.http().patch(`/api/v1/users/${victim.user.id}`).set(bearer(b.token)).send(change).expect(404);
    }
    const [row] = await t.db.query(`select name, role, active from users where id = $1`, [victim.user.id]);
    expect(row).toEqual({ name: 'A recruiter', role: 'recruiter', active: true });
    await t.http().get('/api/v1/me').set(bearer(victim.token)).expect(200);
  });

  it('/me answers with the caller’s own organization', async () => {
    const res = await t.http().get('/api/v1/me').set(bearer(b.token)).expect(200);
    expect(res.body.organization).toEqual(b.organization);
  });

  it('the database refuses a row that points into another organization', async () => {
    await expect(
      t.db.query(
        `insert into sessions (organization_id, user_id, token_hash, expires_at) values ($1, $2, 'x', now())`,
        [b.organization.id, a.user.id],
      ),
    ).rejects.toThrow(/foreign key/);
  });
});
