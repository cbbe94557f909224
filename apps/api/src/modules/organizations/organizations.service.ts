import { Injectable } from '@nestjs/common';
import type {
  OrganizationSettings,
  OrganizationSummary,
  UpdateOrganizationSettingsRequest,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { OrganizationsRepository } from './organizations.repository.js';

@Injectable()
export class OrganizationsService {
  constructor(private readonly orgs: OrganizationsRepository) {}

  create(id: string, name: string, m?: EntityManager): Promise<OrganizationSummary> {
    return this.orgs.create(id, name, m);
  }

  /** The caller's organization's settings; any member may read them. */
  async settings(caller: Caller): Promise<OrganizationSettings> {
    const found = await this.orgs.settings(caller.organizationId);
    if (!found) throw AppError.notFound('organization');
    return found;
  }

  /** An admin changes them (the route allows admins only; the body is validated before this). */
  async updateSettings(caller: Caller, body: UpdateOrganizationSettingsRequest): Promise<OrganizationSettings> {
    const updated = await this.orgs.updateSettings(caller.organizationId, body);
    if (!updated) throw AppError.notFound('organization');
    return updated;
  }
}
