import { z } from 'zod';

/** At most this many extra terms to redact from an anonymised packet (schools, former employers...). */
export const PACKET_REDACT_MAX_TERMS = 20;
/** A term to redact has 2 to this many characters. */
export const PACKET_REDACT_MAX_LENGTH = 80;

const flag = z
  .enum(['1', '0', 'true', 'false'], { error: 'Use true or false.' })
  .meta({
    description:
      'Replace the candidate’s name (by a code from the application id), current company, email, phone, links and gendered pronouns in every text. False by default.',
  })
  .optional()
  .transform((v) => v === '1' || v === 'true');

/**
 * The query of the hiring-committee packet (GET /api/v1/applications/:id/packet.pdf).
 *
 * - `anonymise`: replace the candidate's name (a stable code instead), current company, email,
 *   phone, links and gendered pronouns in every text of the packet; false by default.
 * - `redact`: with `anonymise`, more terms to replace, comma-separated (schools and anything else
 *   the candidate record does not hold): `redact=Stanford,MIT`. Each 2 to 80 characters, at most 20.
 */
export const PacketQuery = z
  .strictObject({
    anonymise: flag,
    redact: z
      .string()
      .max(2000, 'Use at most 2000 characters.')
      .meta({
        description:
          'With anonymise: more terms to replace, comma-separated (schools, former employers; the candidate record holds no school). Each 2–80 characters, at most 20.',
      })
      .optional()
      .transform((s) =>
        (s ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .min(2, 'Each term to redact needs at least 2 characters.')
              .max(PACKET_REDACT_MAX_LENGTH, `Each term to redact has at most ${PACKET_REDACT_MAX_LENGTH} characters.`),
          )
          .max(PACKET_REDACT_MAX_TERMS, `Name at most ${PACKET_REDACT_MAX_TERMS} terms to redact.`),
      ),
  })
  .superRefine((q, ctx) => {
    if (q.redact.length > 0 && !q.anonymise) {
      ctx.addIssue({
        code: 'custom',
        path: ['redact'],
        message: 'Terms are redacted only from an anonymised packet: add anonymise=true.',
      });
    }
  });
export type PacketQuery = z.infer<typeof PacketQuery>;

/** The path of an application's committee packet, for links and downloads. */
export function committeePacketPath(applicationId: string, options: { anonymise?: boolean; redact?: string[] } = {}) {
  const params = new URLSearchParams();
  if (options.anonymise) params.set('anonymise', 'true');
  if (options.anonymise && options.redact && options.redact.length > 0) params.set('redact', options.redact.join(','));
  const q = params.toString();
  return `/api/v1/applications/${encodeURIComponent(applicationId)}/packet.pdf${q ? `?${q}` : ''}`;
}
