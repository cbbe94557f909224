import type { INestApplicationContext } from '@nestjs/common';
import type { Role } from '@scorecard/contracts';
import { DataSource } from 'typeorm';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
import { UsersService } from '../modules/users/users.service.js';

export const DEMO_PASSWORD = 'scorecard-demo';
export const DEMO_ORGANIZATION = 'Acme Robotics';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@acme.test', name: 'Avery Admin', role: 'admin' },
  { email: 'recruiter@acme.test', name: 'Riley Recruiter', role: 'recruiter' },
  { email: 'hm@acme.test', name: 'Harper Lindqvist', role: 'hiring_manager' },
  { email: 'interviewer1@acme.test', name: 'Ines Okafor', role: 'interviewer' },
  { email: 'interviewer2@acme.test', name: 'Mateo Silva', role: 'interviewer' },
  { email: 'interviewer3@acme.test', name: 'Priya Raman', role: 'interviewer' },
  { email: 'interviewer4@acme.test', name: 'Jonas Weber', role: 'interviewer' },
];

/**
 * Creates the demo organization, but only in a database with no organization at all, so it never
 * touches real data. The caller decides whether demo data is wanted (never in production).
 */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  const ds = app.get(DataSource);
  const orgs = app.get(OrganizationsService);
  const users = app.get(UsersService);
  return ds.transaction(async (m) => {
    await m.query('select pg_advisory_xact_lock(727275)');
    if (!(await orgs.isEmpty(m))) return false;
    const org = await orgs.create(DEMO_ORGANIZATION, m);
    for (const u of DEMO_USERS) {
      await users.createMember({ organizationId: org.id, ...u, password: DEMO_PASSWORD }, m);
    }
    return true;
  });
}
