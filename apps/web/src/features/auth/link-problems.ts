import { ApiError } from '@/lib/api';

/** The codes a one-time link (invitation, password reset) fails with. */
export type LinkProblemCode = 'token_unknown' | 'token_expired' | 'token_used';

export function linkProblemOf(error: unknown): LinkProblemCode | null {
  if (!(error instanceof ApiError)) return null;
  return error.code === 'token_unknown' || error.code === 'token_expired' || error.code === 'token_used'
    ? error.code
    : null;
}

type Copy = { title: string; text: string };

export const INVITATION_PROBLEMS: Record<LinkProblemCode | 'missing', Copy> = {
  missing: {
    title: 'This invitation link is incomplete',
    text: 'Open the link from your invitation email again, or ask your admin to resend it.',
  },
  token_unknown: {
    title: 'This invitation link doesn’t work',
    text: 'It may have been replaced by a newer invitation or withdrawn. Ask your admin to resend it.',
  },
  token_expired: {
    title: 'This invitation has expired',
    text: 'Invitation links work for 7 days. Ask your admin to resend it.',
  },
  token_used: {
    title: 'This invitation was already accepted',
    text: 'Sign in with your email and the password you chose. Forgot it? You can reset it.',
  },
};

export const RESET_PROBLEMS: Record<LinkProblemCode | 'missing', Copy> = {
  missing: {
    title: 'This reset link is incomplete',
    text: 'Open the link from the email again, or ask for a new one.',
  },
  token_unknown: {
    title: 'This reset link doesn’t work',
    text: 'A newer link may have replaced it. Ask for a new one.',
  },
  token_expired: {
    title: 'This reset link has expired',
    text: 'Reset links work for 1 hour. Ask for a new one.',
  },
  token_used: {
    title: 'This reset link was already used',
    text: 'Sign in with your new password, or ask for another link.',
  },
};
