import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CHECKLISTS, type ChecklistsService, RUBRICS, type RubricsService } from './library.tokens.js';
import { TECH_LEAD_RED_FLAGS, TECH_LEAD_RUBRIC } from './tech-lead-kit.js';

/** Installs the built-in hiring kits in an organization. */
@Injectable()
export class KitsService {
  constructor(
    @Inject(RUBRICS) private readonly rubrics: RubricsService,
    @Inject(CHECKLISTS) private readonly checklists: ChecklistsService,
  ) {}

  /** The Tech Lead rubric and red-flag checklist, published as version 1. */
  async installTechLeadKit(
    organizationId: string,
    m: EntityManager,
  ): Promise<{ rubricId: string; checklistId: string }> {
    const built = { builtIn: true, publish: true };
    const rubricId = await this.rubrics.create(organizationId, TECH_LEAD_RUBRIC, built, m);
    const checklistId = await this.checklists.create(organizationId, TECH_LEAD_RED_FLAGS, built, m);
    return { rubricId, checklistId };
  }
}
