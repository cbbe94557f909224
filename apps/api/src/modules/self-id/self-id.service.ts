import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type CreateSelfIdLinkRequest,
  DEFAULT_SELF_ID_DIMENSIONS,
  type ExportedSelfId,
  PREFER_NOT_TO_SAY,
  SELF_ID_LINK_TTL_DAYS,
  type SelfIdDimension,
  type SelfIdForm,
  type SelfIdLink,
  type SelfIdLinkStatus,
  type SelfIdReceipt,
  type SelfIdSettings,
  type SubmitSelfIdRequest,
  type UpdateSelfIdSettingsRequest,
} from '@scorecard/contracts';
import type { FieldError } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { CandidatesService } from '../candidates/candidates.service.js';
import { MailService } from '../mail/mail.service.js';
import { hashToken } from '../sessions/sessions.repository.js';
import { type FoundLink, SelfIdRepository } from './self-id.repository.js';

const UUID_HEX = /^[0-9a-f]{32}$/;

/**
 * A link's token: the organization's id (16 bytes) and 32 random bytes, in base64url (64
 * characters). The organization part lets the link be found inside its organization, under row-level
 * security like any tenant row; the random part is the secret, stored only as the token's SHA-256.
 */
function newToken(organizationId: string): string {
  return Buffer.concat([Buffer.from(organizationId.replace(/-/g, ''), 'hex'), randomBytes(32)]).toString('base64url');
}

/** The organization a token names, or null when it is not one of ours in form. */
export function tokenOrganization(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const hex = Buffer.from(token, 'base64url').subarray(0, 16).toString('hex');
  if (!UUID_HEX.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const iso = (d: Date) => d.toISOString();

/** What a candidate holding a link that does not work should do. */
const UNKNOWN_LINK =
  'This link is not valid. It may have been replaced by a newer one: ask the recruiter who sent it for a new link.';
const EXPIRED_LINK = `This link has expired (links work for ${SELF_ID_LINK_TTL_DAYS} days). Ask the recruiter who sent it for a new one if you want to answer.`;

/**
 * Voluntary self-identification: the organization's questions (admins), a candidate's link (the
 * recruiting roles create it and may have it emailed), and the candidate's answers through the link
 * (no session). No method here returns one person's answers but `exportFor`, which only the
 * candidate's own data export calls.
 */
@Injectable()
export class SelfIdService {
  constructor(
    private readonly db: Db,
    private readonly repo: SelfIdRepository,
    private readonly candidates: CandidatesService,
    private readonly mail: MailService,
  ) {}

  /** The organization's questions: its own, or the defaults. */
  async dimensions(organizationId: string): Promise<SelfIdDimension[]> {
    return (await this.repo.settings(organizationId))?.dimensions ?? DEFAULT_SELF_ID_DIMENSIONS;
  }

  async settings(caller: Caller): Promise<SelfIdSettings> {
    const stored = await this.repo.settings(caller.organizationId);
    return {
      dimensions: stored?.dimensions ?? DEFAULT_SELF_ID_DIMENSIONS,
      updatedAt: stored ? iso(stored.updatedAt) : null,
      updatedBy: stored?.updatedBy ?? null,
    };
  }

  /**
   * Replaces the questions. Answers are stored by key and never rewritten: relabelling changes
   * nothing stored; an answer in a removed category or question stays, and the report counts it as
   * "no longer offered" (re-adding the key brings it back).
   */
  async updateSettings(caller: Caller, input: UpdateSelfIdSettingsRequest): Promise<SelfIdSettings> {
    await this.repo.saveSettings(caller.organizationId, caller.userId, input.dimensions);
    return this.settings(caller);
  }

  async linkStatus(caller: Caller, candidateId: string): Promise<SelfIdLinkStatus> {
    await this.candidates.get(caller, candidateId);
    const link = await this.repo.linkStatus(caller.organizationId, candidateId);
    return {
      link: link && {
        createdAt: iso(link.created_at),
        expiresAt: iso(link.expires_at),
        emailedAt: link.emailed_at ? iso(link.emailed_at) : null,
        createdBy: link.created_by,
      },
    };
  }

  /**
   * A new link for the candidate (404 for another organization's), replacing the earlier one; with
   * `sendEmail`, queued to the candidate's address in the same transaction. Refused for a candidate
   * whose data was erased.
   */
  async createLink(caller: Caller, candidateId: string, input: CreateSelfIdLinkRequest): Promise<SelfIdLink> {
    const candidate = await this.candidates.get(caller, candidateId);
    if (candidate.erasedAt) {
      throw new AppError(
        'invalid_transition',
        'This candidate’s personal data was erased: there is no one to send a self-identification link to.',
      );
    }
    const token = newToken(caller.organizationId);
    const link = await this.repo.replaceLink(
      caller.organizationId,
      candidateId,
      hashToken(token),
      caller.userId,
      SELF_ID_LINK_TTL_DAYS,
    );
    const url = this.mail.link(`/self-id/${token}`);
    if (input.sendEmail) {
      const org = caller.organizationName;
      await this.mail.enqueueToCandidate({
        organizationId: caller.organizationId,
        organizationName: org,
        kind: 'self_id',
        candidate: { id: candidate.id, name: candidate.name, email: candidate.email },
        subject: `${org} asks: voluntary questions about you (optional)`,
        content: {
          heading: 'Help us check that our hiring is fair',
          paragraphs: [
            `${org} asks every candidate a few optional questions, such as race or ethnicity and sex, to check that its hiring process treats every group fairly.`,
            'Answering is voluntary. "Prefer not to say" is always an option, and your application is the same whatever you choose.',
            'Your answers are kept apart from your application. Interviewers and the people deciding on your application never see them; they are only used as counts across many candidates.',
            `The link works for ${SELF_ID_LINK_TTL_DAYS} days. You can change or withdraw your answers with it until then.`,
          ],
          action: { label: 'Answer the questions', url },
          reason: `You get this because you applied to ${org}. You do not need to do anything.`,
        },
      });
      await this.repo.markEmailed(caller.organizationId, link.id);
    }
    return { url, expiresAt: iso(link.expiresAt), emailed: input.sendEmail };
  }

  /** The public page: the questions and whether answers are on file (never what they are). */
  form(token: string): Promise<SelfIdForm> {
    return this.withLink(token, async (organizationId, link) => {
      const [dimensions, answeredAt] = await Promise.all([
        this.dimensions(organizationId),
        this.repo.answeredAt(organizationId, link.candidateId),
      ]);
      return {
        organizationName: link.organizationName,
        dimensions,
        answeredAt: answeredAt ? iso(answeredAt) : null,
        expiresAt: iso(link.expiresAt),
      };
    });
  }

  /**
   * Saves the candidate's answers, replacing earlier ones. Every answer must be to a question asked
   * now, and a category it offers or "prefer not to say" (400 naming the field otherwise, nothing saved).
   */
  submit(input: SubmitSelfIdRequest): Promise<SelfIdReceipt> {
    return this.withLink(input.token, async (organizationId, link) => {
      const dimensions = await this.dimensions(organizationId);
      const errors: FieldError[] = [];
      const chosen: [string, string][] = [];
      for (const [i, { question, answer }] of input.answers.entries()) {
        const dimension = dimensions.find((d) => d.key === question);
        if (!dimension) errors.push({ path: `answers.${i}.question`, message: 'This question is not asked.' });
        else if (answer === PREFER_NOT_TO_SAY) continue;
        else if (!dimension.categories.some((c) => c.key === answer)) {
          errors.push({ path: `answers.${i}.answer`, message: 'Choose one of the answers offered.' });
        } else chosen.push([question, answer]);
      }
      if (errors.length > 0) throw AppError.invalid(errors);
      await this.repo.replaceAnswers(organizationId, link.candidateId, chosen);
      const answeredAt = await this.repo.answeredAt(organizationId, link.candidateId);
      return { answeredAt: answeredAt ? iso(answeredAt) : null, expiresAt: iso(link.expiresAt) };
    });
  }

  /** Deletes the candidate's answers; the link keeps working until it expires. */
  withdraw(token: string): Promise<SelfIdReceipt> {
    return this.withLink(token, async (organizationId, link) => {
      await this.repo.deleteAnswers(organizationId, link.candidateId);
      return { answeredAt: null, expiresAt: iso(link.expiresAt) };
    });
  }

  /** The candidate's answers with today's labels: for their own data export only. */
  async exportFor(organizationId: string, candidateId: string): Promise<ExportedSelfId> {
    const [answers, dimensions] = await Promise.all([
      this.repo.answers(organizationId, candidateId),
      this.dimensions(organizationId),
    ]);
    return {
      answers: answers.map((a) => {
        const dimension = dimensions.find((d) => d.key === a.dimension);
        return {
          dimension: a.dimension,
          dimensionLabel: dimension?.label ?? null,
          category: a.category,
          categoryLabel: dimension?.categories.find((c) => c.key === a.category)?.label ?? null,
          answeredAt: iso(a.answeredAt),
        };
      }),
    };
  }

  /** Erasure: the candidate's answers and links go (in the caller's transaction). */
  eraseFor(organizationId: string, candidateId: string): Promise<void> {
    return this.repo.eraseCandidate(organizationId, candidateId);
  }

  /**
   * Runs `fn` as the link's organization, in one transaction, once the link is found and working:
   * 400 token_unknown (no such link in that organization, or its candidate was erased) or
   * token_expired otherwise.
   */
  private async withLink<T>(token: string, fn: (organizationId: string, link: FoundLink) => Promise<T>): Promise<T> {
    const organizationId = tokenOrganization(token);
    if (!organizationId) throw new AppError('token_unknown', UNKNOWN_LINK);
    return this.db.asTenant(organizationId, async () => {
      const link = await this.repo.findLink(organizationId, hashToken(token));
      if (!link) throw new AppError('token_unknown', UNKNOWN_LINK);
      if (link.expiresAt <= new Date()) throw new AppError('token_expired', EXPIRED_LINK);
      return fn(organizationId, link);
    });
  }
}
