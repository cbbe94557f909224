import { Injectable } from '@nestjs/common';
import type { OrganizationSummary } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { OrganizationsRepository } from './organizations.repository.js';

@Injectable()
export class OrganizationsService {
  constructor(private readonly orgs: OrganizationsRepository) {}

  create(name: string, m?: EntityManager): Promise<OrganizationSummary> {
    return this.orgs.create(name, m);
  }

  /** Whether the database holds no organization yet (the demo is seeded only then). */
  async isEmpty(m?: EntityManager): Promise<boolean> {
    return (await this.orgs.count(m)) === 0;
  }
}
