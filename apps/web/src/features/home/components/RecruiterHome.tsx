import type { RecruiterHomeQuery } from '@scorecard/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/ui/States';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useRecruiterHome } from '../api/recruiter-home';
import { DEFAULT_STUCK_DAYS, parseStuckDays } from '../home-copy';
import { HomeControls } from './HomeControls';
import { OpeningsSection } from './OpeningsSection';
import { OverdueSection } from './OverdueSection';
import { StuckSection } from './StuckSection';

const DEBOUNCE_MS = 300;

/** The scope and the stuck threshold live in the URL (`?scope=all&stuckDays=14`), so they survive reloads. */
function useHomeParams() {
  const [sp, setSearchParams] = useSearchParams();
  const days = parseStuckDays(sp.get('stuckDays') ?? '');
  const params: RecruiterHomeQuery = {
    scope: sp.get('scope') === 'all' ? 'all' : 'mine',
    stuckDays: days.ok ? days.value : DEFAULT_STUCK_DAYS,
  };
  const update = (changes: Partial<RecruiterHomeQuery>, options: { replace: boolean }) => {
    const next = { ...params, ...changes };
    const search = new URLSearchParams(sp);
    if (next.scope === 'all') search.set('scope', 'all');
    else search.delete('scope');
    if (next.stuckDays === DEFAULT_STUCK_DAYS) search.delete('stuckDays');
    else search.set('stuckDays', String(next.stuckDays));
    setSearchParams(search, options);
  };
  return [params, update] as const;
}

/** The home of admins, recruiters and hiring managers: their openings, what is stuck, and what is late. */
export function RecruiterHome() {
  const [params, setParams] = useHomeParams();
  const [daysInput, setDaysInput] = useState(String(params.stuckDays));
  const debouncedDays = useDebouncedValue(daysInput, DEBOUNCE_MS);
  const typed = parseStuckDays(daysInput);

  // A settled, valid threshold goes to the URL (replacing the entry: typing is not navigation).
  useEffect(() => {
    const settled = parseStuckDays(debouncedDays);
    if (settled.ok && settled.value !== params.stuckDays) setParams({ stuckDays: settled.value }, { replace: true });
  }, [debouncedDays]);
  // Back/forward (or a link) changed the URL, not the field: show the URL's threshold in the field.
  useEffect(() => {
    const settled = parseStuckDays(debouncedDays);
    if (!settled.ok || settled.value !== params.stuckDays) setDaysInput(String(params.stuckDays));
  }, [params.stuckDays]);

  const home = useRecruiterHome(params);
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
          stuckDaysError={typed.ok ? null : typed.message}
          onStuckDaysChange={setDaysInput}
        />
      </div>
      {body}
    </div>
  );
}
