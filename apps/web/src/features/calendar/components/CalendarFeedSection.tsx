import { useEffect, useId, useRef, useState } from 'react';
import { CALENDAR_FEED_DAYS_BACK, type CalendarFeedLink } from '@scorecard/contracts';
import { Alert } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useCalendarFeed, useDisableCalendarFeed, useEnableCalendarFeed } from '../api/calendar-feed';
import '../calendar.css';

type Confirming = 'reset' | 'off' | null;

/**
 * The user's private calendar feed (a `webcal://` link to their interviews), on the notifications
 * page: subscribe, copy the link, reset it or turn it off. The link is shown once, when it is made:
 * only its hash is stored, so after a reload the section offers a new link instead.
 */
export function CalendarFeedSection() {
  const titleId = useId();
  const feed = useCalendarFeed();
  const enable = useEnableCalendarFeed();
  const disable = useDisableCalendarFeed();
  const [link, setLink] = useState<CalendarFeedLink | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const subscribe = (after?: () => void) =>
    enable.mutate(undefined, {
      onSuccess: (made) => {
        setLink(made);
        setNotice(null);
        after?.();
      },
    });

  const close = () => {
    enable.reset();
    disable.reset();
    setConfirming(null);
  };

  return (
    <section className="panel panel--padded calendar-feed" aria-labelledby={titleId}>
      <div className="section-header">
        <div>
          <h2 id={titleId} className="section-header__title">
            Calendar feed
          </h2>
          <p className="section-header__description">
            See the interviews you run in Google Calendar, Outlook or Apple Calendar: subscribe once and your calendar
            keeps itself up to date, from {CALENDAR_FEED_DAYS_BACK} days ago on, cancellations included.
          </p>
        </div>
      </div>

      {feed.isPending ? (
        <LoadingState label="Loading your calendar feed…" />
      ) : feed.isError ? (
        <ErrorState
          title="Couldn’t load your calendar feed"
          error={feed.error}
          onRetry={() => void feed.refetch()}
          retrying={feed.isFetching}
        />
      ) : (
        <div className="calendar-feed__body">
          <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
          {!feed.data.enabled ? (
            <>
              <p>Your calendar feed is off.</p>
              {enable.isError && confirming === null ? (
                <Alert>Couldn’t turn on your calendar feed. {errorMessage(enable.error)}</Alert>
              ) : null}
              <div className="calendar-feed__actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={enable.isPending}
                  onClick={() => subscribe()}
                >
                  {enable.isPending ? 'Subscribing…' : 'Subscribe'}
                </button>
              </div>
            </>
          ) : (
            <>
              {link ? (
                <FeedLink link={link} />
              ) : (
                <p>
                  Your calendar feed is on
                  {feed.data.since ? ` since ${formatDateTime(feed.data.since)}` : ''}. Its link is shown only once,
                  when it is made; if you need it again, reset the link and subscribe with the new one.
                </p>
              )}
              <div className="calendar-feed__actions">
                <button type="button" className="button button--secondary" onClick={() => setConfirming('reset')}>
                  Reset link
                </button>
                <button
                  type="button"
                  className="button button--ghost button--danger-text"
                  onClick={() => setConfirming('off')}
                >
                  Turn off
                </button>
              </div>
            </>
          )}
        </div>
      )}

      <ConfirmDialog
        open={confirming === 'reset'}
        onClose={close}
        title="Reset your calendar link?"
        description={
          <p>
            The current link stops working at once: calendars subscribed to it stop updating. You get a new link to
            subscribe with.
          </p>
        }
        failure={enable.isError ? <Alert>Couldn’t reset the link. {errorMessage(enable.error)}</Alert> : null}
        confirmLabel="Reset link"
        pendingLabel="Resetting…"
        pending={enable.isPending}
        onConfirm={() =>
          subscribe(() => {
            setConfirming(null);
            setNotice('Your calendar link is new. The old one no longer works.');
          })
        }
      />
      <ConfirmDialog
        open={confirming === 'off'}
        onClose={close}
        title="Turn off your calendar feed?"
        description={
          <p>The link stops working: calendars subscribed to it stop updating and may remove your interviews.</p>
        }
        failure={disable.isError ? <Alert>Couldn’t turn off the feed. {errorMessage(disable.error)}</Alert> : null}
        danger
        confirmLabel="Turn off"
        pendingLabel="Turning off…"
        pending={disable.isPending}
        onConfirm={() =>
          disable.mutate(undefined, {
            onSuccess: () => {
              setLink(null);
              setConfirming(null);
              setNotice('Your calendar feed is off. Its link no longer works.');
            },
          })
        }
      />
    </section>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The new link: read-only, selectable, with a Copy button that says whether it worked. */
function FeedLink({ link }: { link: CalendarFeedLink }) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    setCopy('idle');
  }, [link.webcalUrl]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link.webcalUrl);
      setCopy('copied');
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for Ctrl+C instead.
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="field calendar-feed__link">
      <label className="field__label" htmlFor={inputId}>
        Your calendar link
      </label>
      <div className="calendar-feed__copy">
        <input
          ref={input}
          id={inputId}
          className="input calendar-feed__url"
          value={link.webcalUrl}
          readOnly
          aria-describedby={hintId}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copyLink()}>
          Copy
        </button>
      </div>
      <p className="calendar-feed__copied" aria-live="polite">
        {copy === 'copied'
          ? 'Copied to the clipboard.'
          : copy === 'failed'
            ? 'Selected: press Ctrl+C (⌘C) to copy.'
            : ''}
      </p>
      <p id={hintId} className="field__hint">
        Google Calendar: Other calendars → + → From URL, and paste it. Outlook: Add calendar → Subscribe from web. Apple
        Calendar: <a href={link.webcalUrl}>open it</a>. Keep the link private: anyone who has it sees your interviews.
        It is shown only this once.
      </p>
    </div>
  );
}
