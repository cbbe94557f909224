import { Injectable } from '@nestjs/common';
import type { OrganizationSummary } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.js';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly db: Db) {}

  /** The id is chosen by the caller, who works as that organization already (row-level security). */
  async create(id: string, name: string, m: EntityManager = this.db.manager): Promise<OrganizationSummary> {
    const [row]: OrganizationSummary[] = await m.query(
      `insert into organizations (id, name) values ($1, $2) returning id, name`,
      [id, name],
    );
    if (!row) throw new Error('insert returned no row');
    return row;
  }
}
