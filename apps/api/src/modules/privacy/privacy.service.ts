import { Injectable } from '@nestjs/common';
import type { Candidate, CandidateExport, EraseCandidateRequest } from '@scorecard/contracts';
import { personRedactor } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { CandidatesService } from '../candidates/candidates.service.js';
import { ApplicationEvents } from '../events/application-events.js';
import { FilesService } from '../files/files.service.js';
import { PrivacyRepository } from './privacy.repository.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { SelfIdService } from '../self-id/self-id.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';

/** Subject access and erasure of a candidate's personal data; admins only (the endpoint table says so). */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly candidates: CandidatesService,
    private readonly events: ApplicationEvents,
    private readonly db: Db,
    private readonly selfId: SelfIdService,
    private readonly meetings: MeetingsService,
    private readonly files: FilesService,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * Everything the organization holds about a candidate (404 when the candidate is not the
   * organization's), but other people's unsubmitted drafts. Refused (403) while the caller has a
   * draft of their own on one of the candidate's applications: the export shows the panel's
   * scorecards, which the independence rule keeps from them until theirs is submitted.
   */
  async export(caller: Caller, id: string): Promise<CandidateExport> {
    const candidate = await this.candidates.get(caller, id);
    if ((await this.privacy.ownDrafts(caller.organizationId, id, caller.userId)) > 0) {
      throw new AppError(
        'forbidden',
        'You have a scorecard draft for this candidate. Submit it (or have the interview reassigned) before exporting: ' +
          'the export shows the panel’s scorecards, which stay hidden from you until yours is in.',
      );
    }
    // An API token never reads drafts, not even its creator's own (the nil id matches no interviewer).
    const viewer = caller.apiToken ? '00000000-0000-0000-0000-000000000000' : caller.userId;
    const data = await this.privacy.exportData(caller.organizationId, id, viewer);
    return {
      format: 'scorecard.candidate-export.v1',
      exportedAt: new Date().toISOString(),
      exportedBy: { id: caller.userId, name: caller.name },
      organization: { id: caller.organizationId, name: caller.organizationName },
      candidate,
      ...data,
      files: await this.files.exportList(caller.organizationId, id),
      // Their voluntary self-identification: in their own export and nowhere else.
      selfIdentification: await this.selfId.exportFor(caller.organizationId, id),
      // The panel's votes about them in finished debrief meetings (issue 24 §1).
      meetings: await this.meetings.finishedForCandidate(caller, id),
    };
  }

  /**
   * Erases a candidate's personal data in one transaction, once: the caller confirms with the full
   * name exactly as stored (400 otherwise, and nothing changes); a second erasure answers 409.
   */
  async erase(caller: Caller, id: string, input: EraseCandidateRequest): Promise<Candidate> {
    await this.db.transaction(async (m) => {
      const c = await this.privacy.lockCandidate(caller.organizationId, id, m);
      if (!c) throw AppError.notFound('candidate');
      if (c.erased) throw new AppError('invalid_transition', 'This candidate’s personal data was already erased.');
      if (input.confirm !== c.name) {
        throw new AppError('validation_failed', 'The name typed does not match the candidate’s: nothing was erased.', {
          errors: [{ path: 'confirm', message: 'Type the candidate’s full name exactly as it is shown.' }],
        });
      }
      const { applicationIds } = await this.privacy.erase(
        caller.organizationId,
        id,
        { email: c.email },
        personRedactor(c),
        m,
      );
      // Their files go too, rows and stored bytes (a CV is personal data through and through).
      await this.files.eraseForCandidate(caller.organizationId, id);
      // Their voluntary self-identification goes, answers and links.
      await this.selfId.eraseFor(caller.organizationId, id);
      // Open debriefs of their applications read themselves again (names and evidence changed).
      for (const applicationId of applicationIds) {
        await this.events.notify(m, { organizationId: caller.organizationId, applicationId, kind: 'resync' });
      }
      await this.webhooks.emit(caller.organizationId, 'candidate.erased', { candidateId: id });
    });
    return this.candidates.get(caller, id);
  }
}
