import { Injectable } from '@nestjs/common';
import type { OrganizationSettings, OrganizationSummary } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, type Col, type Cols } from '../../database/db.js';

/** The settings as the statements name them (`as "calibrationMinUnits"`). */
interface SettingsRow {
  id: Col<'organizations', 'id'>;
  calibrationMinUnits: Col<'organizations', 'calibration_min_units'>;
  stuckDays: Col<'organizations', 'stuck_days'>;
}

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly db: Db) {}

  /** The id is chosen by the caller, who works as that organization already (row-level security). */
  async create(id: string, name: string, m: EntityManager = this.db.manager): Promise<OrganizationSummary> {
    const [row] = await m.query<Cols<'organizations', 'id' | 'name'>[]>(
      `insert into organizations (id, name) values ($1, $2) returning id, name`,
      [id, name],
    );
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async settings(organizationId: string): Promise<OrganizationSettings | null> {
    const [row] = await this.db.query<SettingsRow[]>(
      `select id, calibration_min_units as "calibrationMinUnits", stuck_days as "stuckDays" from organizations where id = $1`,
      [organizationId],
    );
    return row ?? null;
  }

  /** Changes the settings given; those left out (undefined) stay. */
  async updateSettings(
    organizationId: string,
    change: { calibrationMinUnits?: number | undefined; stuckDays?: number | undefined },
  ): Promise<OrganizationSettings | null> {
    const [rows] = await this.db.query<[SettingsRow[], number]>(
      `update organizations set calibration_min_units = coalesce($2, calibration_min_units),
                                stuck_days = coalesce($3, stuck_days)
        where id = $1
       returning id, calibration_min_units as "calibrationMinUnits", stuck_days as "stuckDays"`,
      [organizationId, change.calibrationMinUnits ?? null, change.stuckDays ?? null],
    );
    return rows[0] ?? null;
  }
}
