import { Injectable } from '@nestjs/common';
import type { OrganizationSettings, OrganizationSummary } from '@scorecard/contracts';
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

  async settings(organizationId: string): Promise<OrganizationSettings | null> {
    const [row]: OrganizationSettings[] = await this.db.query(
      `select id, calibration_min_units as "calibrationMinUnits" from organizations where id = $1`,
      [organizationId],
    );
    return row ?? null;
  }

  async updateSettings(organizationId: string, calibrationMinUnits: number): Promise<OrganizationSettings | null> {
    const [rows]: [OrganizationSettings[], number] = await this.db.query(
      `update organizations set calibration_min_units = $2 where id = $1
       returning id, calibration_min_units as "calibrationMinUnits"`,
      [organizationId, calibrationMinUnits],
    );
    return rows[0] ?? null;
  }
}
