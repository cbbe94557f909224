import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { isApiError } from '@/lib/api';

type ReportStatesProps<T> = {
  report: UseQueryResult<T>;
  /** The filters failed their check: nothing was asked of the API. */
  invalid: boolean;
  /** "the pipeline figures", "the calibration". */
  noun: string;
  noAccess: ReactNode;
  onAllOpenings: () => void;
  children: (data: T) => ReactNode;
};

/**
 * Every state of a report other than its figures: invalid filters, loading, no access, an opening
 * that does not exist, and any other failure with its problem detail and a retry.
 */
export function ReportStates<T>({ report, invalid, noun, noAccess, onAllOpenings, children }: ReportStatesProps<T>) {
  if (invalid) {
    return (
      <div className="panel">
        <EmptyState title="Check the filters">
          <p>Fix the highlighted filter above to see {noun}.</p>
        </EmptyState>
      </div>
    );
  }
  if (report.isError && !report.data) {
    if (isApiError(report.error, 'forbidden')) return noAccess;
    if (isApiError(report.error, 'not_found')) {
      return (
        <div className="panel">
          <EmptyState
            title="This opening doesn’t exist"
            action={
              <button type="button" className="button button--secondary" onClick={onAllOpenings}>
                Show all openings
              </button>
            }
          >
            <p>It may have been deleted, or the link is incomplete.</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="panel">
        <ErrorState
          title={`Couldn’t load ${noun}`}
          error={report.error}
          onRetry={() => void report.refetch()}
          retrying={report.isFetching}
        />
      </div>
    );
  }
  if (report.data === undefined) {
    return (
      <div className="panel">
        <LoadingState label={`Loading ${noun}…`} />
      </div>
    );
  }
  return <>{children(report.data)}</>;
}

/** The ways out of an empty report: clear the dates, or look at every opening. Nothing when neither applies. */
export function WidenFilters({
  hasDates,
  hasOpening,
  onClearDates,
  onAllOpenings,
}: {
  hasDates: boolean;
  hasOpening: boolean;
  onClearDates: () => void;
  onAllOpenings: () => void;
}) {
  if (!hasDates && !hasOpening) return null;
  return (
    <div className="analytics-actions">
      {hasDates ? (
        <button type="button" className="button button--secondary" onClick={onClearDates}>
          Clear dates
        </button>
      ) : null}
      {hasOpening ? (
        <button type="button" className="button button--secondary" onClick={onAllOpenings}>
          Show all openings
        </button>
      ) : null}
    </div>
  );
}
