import { Injectable } from '@nestjs/common';
import { Db, type As, type Cols } from '../../database/db.js';

/**
 * What the packet adds to the debrief: the opening's role profile, the rubric version's full content
 * (prompts and anchors), the candidate's contact details (only to take them out of an anonymised
 * packet; the packet never prints them).
 */
export type PacketExtrasRow = Cols<
  'openings',
  | 'title'
  | 'team'
  | 'level'
  | 'archetype'
  | 'coding_share_pct'
  | 'people_management'
  | 'decision_authority'
  | 'em_partnership'
  | 'comp_currency'
  | 'comp_min_minor'
  | 'comp_max_minor'
  | 'career_path'
  | 'expectations'
> &
  As<'candidates', { candidate_email: 'email'; candidate_phone: 'phone'; candidate_links: 'links' }> & {
    rubric: Cols<'rubric_versions', 'content'>['content'] | null;
  };

@Injectable()
export class CommitteePacketRepository {
  constructor(private readonly db: Db) {}

  /** One query; null when the application is not the organization's. */
  async extras(
    organizationId: string,
    applicationId: string,
    rubricVersionId: string | null,
  ): Promise<PacketExtrasRow | null> {
    const [row] = await this.db.query<PacketExtrasRow[]>(
      `select o.title, o.team, o.level, o.archetype, o.coding_share_pct, o.people_management,
              o.decision_authority, o.em_partnership, o.comp_currency, o.comp_min_minor, o.comp_max_minor,
              o.career_path, o.expectations,
              c.email as candidate_email, c.phone as candidate_phone, c.links as candidate_links,
              rv.content as rubric
         from applications a
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
         left join rubric_versions rv on rv.organization_id = a.organization_id and rv.id = $3
        where a.organization_id = $1 and a.id = $2`,
      [organizationId, applicationId, rubricVersionId],
    );
    return row ?? null;
  }
}
