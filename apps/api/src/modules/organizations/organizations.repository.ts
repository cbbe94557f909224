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

/** The address-safe form of an organization's name: `Acme Robotics, Inc.` is `acme-robotics-inc`. */
export function slugOf(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return s || 'org';
}

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly db: Db) {}

  /**
   * The id is chosen by the caller, who works as that organization already (row-level security).
   * The slug is the name's (`slugOf`), or the first free one of `name-2` … `name-50`, else the id's start.
   */
  async create(id: string, name: string, m: EntityManager = this.db.manager): Promise<OrganizationSummary> {
    const [row] = await m.query<Cols<'organizations', 'id' | 'name'>[]>(
      `insert into organizations (id, name, slug)
       values ($1::uuid, $2, coalesce(
         (select s from (select $3::text as s, 1 as n
                          union all select $3 || '-' || g, g from generate_series(2, 50) g) c
           where app_slug_available(s) order by n limit 1),
         $3 || '-' || left(replace($1::uuid::text, '-', ''), 8)))
       returning id, name`,
      [id, name, slugOf(name)],
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
