import { Injectable } from '@nestjs/common';
import { HOME_LIST_LIMIT, type RecruiterHome, type RecruiterHomeQuery } from '@scorecard/contracts';
import type { Caller } from '../../common/request-context.js';
import { HomeRepository } from './home.repository.js';

@Injectable()
export class HomeService {
  constructor(private readonly home: HomeRepository) {}

  /**
   * The recruiter's home: open openings in scope (where the caller is recruiter or hiring manager,
   * or all of them) with counts per stage, their stuck applications and their overdue scorecards.
   * Every list is capped, so the page costs the same however large the organization grows.
   */
  async recruiterHome(caller: Caller, query: RecruiterHomeQuery): Promise<RecruiterHome> {
    const { organizationId, userId } = caller;
    const { stuckDays, scope } = query;
    const [openings, stuck, overdue] = await Promise.all([
      this.home.openings(organizationId, userId, scope, HOME_LIST_LIMIT),
      this.home.stuck(organizationId, userId, scope, stuckDays, HOME_LIST_LIMIT),
      this.home.overdue(organizationId, userId, scope, HOME_LIST_LIMIT),
    ]);
    return { stuckDays, scope, openings, stuck, overdue };
  }
}
