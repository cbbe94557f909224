import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.js';

/** What the decision packet adds to the debrief's scorecards: the interviewer's email and the import's source. */
export interface PacketCardExtras {
  email: string;
  importSource: string | null;
}

@Injectable()
export class DecisionPacketRepository {
  constructor(private readonly db: Db) {}

  /** By scorecard id, in one query. */
  async extras(organizationId: string, scorecardIds: readonly string[]): Promise<Map<string, PacketCardExtras>> {
    if (scorecardIds.length === 0) return new Map();
    const rows = await this.db.query<{ id: string; email: string; import_source: string | null }[]>(
      `select s.id, u.email, s.import_source
         from scorecards s
         join users u on u.organization_id = s.organization_id and u.id = s.interviewer_id
        where s.organization_id = $1 and s.id = any($2::uuid[])`,
      [organizationId, scorecardIds],
    );
    return new Map(rows.map((r) => [r.id, { email: r.email, importSource: r.import_source }]));
  }
}
