import { Injectable } from '@nestjs/common';
import type { EmailDetail, EmailList, EmailListQuery } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { MailRepository } from './mail.repository.js';

/** Settings → Email log: what the product sent, held or failed to send, for admins. */
@Injectable()
export class EmailLogService {
  constructor(private readonly repo: MailRepository) {}

  async list(caller: Caller, query: EmailListQuery): Promise<EmailList> {
    const { items, total } = await this.repo.list(caller.organizationId, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(caller: Caller, id: string): Promise<EmailDetail> {
    const email = await this.repo.detail(caller.organizationId, id);
    if (!email) throw AppError.notFound('email');
    if (email.kind !== 'password_reset' && email.kind !== 'self_id') return email;
    // A reset link lets whoever holds it choose the account's password: only its recipient may see
    // it, never an admin reading the log (who could otherwise ask a reset for anyone and use it).
    // A self-identification link lets its holder answer for the candidate: the same.
    const hidden = '[hidden: only the recipient may see it]';
    const hide = (s: string) =>
      s.replace(/([?&]token=)[A-Za-z0-9_-]+/g, `$1${hidden}`).replace(/(\/self-id\/)[A-Za-z0-9_-]+/g, `$1${hidden}`);
    return { ...email, text: hide(email.text), html: hide(email.html) };
  }
}
