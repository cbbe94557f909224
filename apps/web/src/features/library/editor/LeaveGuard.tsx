import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { Dialog } from '@/components/ui/Dialog';

/** While `when` holds, asks before leaving the page (in-app navigation, reload or closing the tab). */
export function LeaveGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  return (
    <Dialog
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      role="alertdialog"
      title="Leave without saving?"
      description={<p>This draft has changes that aren’t saved. If you leave now, they’re lost.</p>}
    >
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={() => blocker.reset?.()} autoFocus>
          Stay and keep editing
        </button>
        <button type="button" className="button button--danger" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </button>
      </div>
    </Dialog>
  );
}
