import { Injectable } from '@nestjs/common';
import type { OrganizationSummary } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { OrganizationsRepository } from './organizations.repository.js';

@Injectable()
export class OrganizationsService {
  constructor(private readonly orgs: OrganizationsRepository) {}

  create(id: string, name: string, m?: EntityManager): Promise<OrganizationSummary> {
    return this.orgs.create(id, name, m);
  }
}
