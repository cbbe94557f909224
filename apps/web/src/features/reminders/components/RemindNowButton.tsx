import { MANUAL_REMINDER_INTERVAL_SECONDS, agoText } from '@scorecard/domain';
import { useId, useState } from 'react';
import { errorMessage, isApiError } from '@/lib/api';
import { useRemindNow } from '../api/remind-now';
import '../reminders.css';

const INTERVAL_MS = MANUAL_REMINDER_INTERVAL_SECONDS * 1000;

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

type RemindNowButtonProps = {
  interviewId: string;
  /** Who gets the reminder, for the button's label and the confirmation. */
  interviewerName: string;
  /** When someone last pressed it for this interview (the API's `lastRemindedAt`), or null. */
  lastRemindedAt: string | null;
  /** The page's clock, so the "Reminded 5 min ago" text follows the page's refreshes. */
  now: number;
  /** Called once a reminder went out (the page refreshes its lists). */
  onReminded?: () => void;
};

/**
 * "Remind now" for one overdue scorecard: emails the interviewer at once. For an hour after a
 * reminder (anyone's) it is disabled and says how long ago it went out; a refusal says why.
 */
export function RemindNowButton({
  interviewId,
  interviewerName,
  lastRemindedAt,
  now,
  onReminded,
}: RemindNowButtonProps) {
  const remind = useRemindNow();
  const statusId = useId();
  // What this page knows beyond the list it was given: a reminder just sent, or a refusal for "too soon".
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const last = Math.max(sentAt ?? 0, lastRemindedAt ? Date.parse(lastRemindedAt) : 0) || null;
  const clock = Math.max(now, sentAt ?? 0);
  const throttled = last !== null && clock - last < INTERVAL_MS;

  const onClick = () => {
    setMessage(null);
    remind.mutate(interviewId, {
      onSuccess: (result) => {
        setSentAt(Date.parse(result.remindedAt));
        setMessage({ tone: 'success', text: `Reminder sent to ${result.interviewer.name}.` });
        onReminded?.();
      },
      onError: (error) => {
        if (isApiError(error, 'reminder_too_soon')) {
          // Someone else reminded them meanwhile: show the throttled state from now on.
          const wait = (error.retryAfter ?? 3600) * 1000;
          setSentAt(Math.max(now, Date.now()) + wait - INTERVAL_MS);
        }
        setMessage({ tone: 'error', text: errorMessage(error) });
      },
    });
  };

  let label = 'Remind now';
  if (remind.isPending) label = 'Sending…';
  else if (throttled) label = `Reminded ${agoText(clock - last)}`;

  return (
    <div className="remind-now">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={onClick}
        disabled={remind.isPending || throttled}
        aria-describedby={statusId}
      >
        {label}
        {/* The row names the interviewer on screen; a screen reader hears it on the button too. */}
        {throttled || remind.isPending ? null : <span className="visually-hidden">: {interviewerName}</span>}
      </button>
      <span id={statusId} className={`remind-now__status remind-now__status--${message?.tone ?? 'hint'}`} role="status">
        {message?.text ??
          (throttled && last !== null
            ? `Next reminder possible at ${timeOfDay.format(new Date(last + INTERVAL_MS))}.`
            : '')}
      </span>
    </div>
  );
}
