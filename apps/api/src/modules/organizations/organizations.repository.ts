import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationSummary } from '@scorecard/contracts';
import type { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async create(name: string, m: EntityManager = this.ds.manager): Promise<OrganizationSummary> {
    const [row]: OrganizationSummary[] = await m.query(
      `insert into organizations (name) values ($1) returning id, name`,
      [name],
    );
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async count(m: EntityManager = this.ds.manager): Promise<number> {
    const [row]: { n: number }[] = await m.query(`select count(*)::int as n from organizations`);
    return row?.n ?? 0;
  }
}
