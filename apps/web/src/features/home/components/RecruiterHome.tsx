import type { RecruiterHomeQuery } from '@scorecard/contracts';
import { useEffect, useEffectEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { recruiterHomeParams, useRecruiterHome } from '../api/recruiter-home';
import { parseStuckDays } from '../home-copy';
import { HomeControls } from './HomeControls';
import { OpeningsSection } from './OpeningsSection';
import { OverdueSection } from './OverdueSection';
import { StuckSection } from './StuckSection';

const DEBOUNCE_MS = 300;

/**
 * The scope and the stuck threshold live in the URL (`?scope=all&stuckDays=14`), so they survive
 * reloads. Without `stuckDays` the API uses the organization's stuck limit, as the pipeline board does.
 */
function useHomeParams() {
  const [sp, setSearchParams] = useSearchParams();
  const params = recruiterHomeParams(sp);
  const update = (changes: Partial<RecruiterHomeQuery>, options: { replace: boolean }) => {
    const next = { ...params, ...changes };
    const search = new URLSearchParams(sp);
    if (next.scope === 'all') search.set('scope', 'all');
    else search.delete('scope');
    if (next.stuckDays === undefined) search.delete('stuckDays');
    else search.set('stuckDays', String(next.stuckDays));
    setSearchParams(search, options);
  };
  return [params, update] as const;
}

/** The home of admins, recruiters and hiring managers: their openings, what is stuck, and what is late. */
export function RecruiterHome() {
  const [params, setParams] = useHomeParams();
  const home = useRecruiterHome(params);
  // The threshold in force: the URL's, else the organization's limit the API answered with.
  const effectiveDays = params.stuckDays ?? home.data?.stuckDays;
  const [daysInput, setDaysInput] = useState(effectiveDays === undefined ? '' : String(effectiveDays));
  const debouncedDays = useDebouncedValue(daysInput, DEBOUNCE_MS);
  // Until the organization's limit is known, an empty field is no mistake.
  const typed = daysInput === '' && effectiveDays === undefined ? null : parseStuckDays(daysInput);

  // A settled, valid threshold goes to the URL (replacing the entry: typing is not navigation).
  // (Effect events: each reads the other value as it is now, but runs only when its own one changes.)
  const settle = useEffectEvent((typedDays: string) => {
    const settled = parseStuckDays(typedDays);
    if (settled.ok && effectiveDays !== undefined && settled.value !== effectiveDays) {
      setParams({ stuckDays: settled.value }, { replace: true });
    }
  });
  useEffect(() => settle(debouncedDays), [debouncedDays]);
  // The threshold in force changed (back/forward, a link, or the first answer): show it in the field.
  const follow = useEffectEvent((days: number | undefined) => {
    if (days === undefined) return;
    const settled = parseStuckDays(debouncedDays);
    if (!settled.ok || settled.value !== days) setDaysInput(String(days));
  });
  useEffect(() => follow(effectiveDays), [effectiveDays]);

  const busy = home.isFetching && home.isPlaceholderData;
  const now = Date.now();

  let body;
  if (home.isPending) {
    body = (
      <div className="panel">
        <LoadingState label="Loading your openings…" />
      </div>
    );
  } else if (home.isError) {
    body = (
      <div className="panel">
        <ErrorState
          title="Couldn’t load your openings"
          error={home.error}
          onRetry={() => void home.refetch()}
          retrying={home.isFetching}
        />
      </div>
    );
  } else {
    body = (
      <>
        <OpeningsSection
          home={home.data}
          busy={busy}
          onShowAll={() => setParams({ scope: 'all' }, { replace: false })}
        />
        <div className="home-columns">
          <StuckSection home={home.data} busy={busy} now={now} />
          <OverdueSection home={home.data} busy={busy} now={now} />
        </div>
      </>
    );
  }

  return (
    <div className="home">
      <div className="panel">
        <HomeControls
          scope={params.scope}
          onScopeChange={(scope) => setParams({ scope }, { replace: false })}
          stuckDays={daysInput}
          stuckDaysError={typed === null || typed.ok ? null : typed.message}
          onStuckDaysChange={setDaysInput}
        />
      </div>
      {body}
    </div>
  );
}
