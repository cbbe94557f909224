import { QUALIFICATION_LEVEL_LABELS, type CompetencyPath, type QualificationPath } from '@scorecard/contracts';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useMyQualification } from '../api/qualification';
import { calibrationText, nextStepText, progressText } from '../qualification-copy';
import '../qualification.css';

const LEVEL_TONE: Record<CompetencyPath['level'], string> = {
  shadowing: 'badge badge--accent',
  reverse_shadowing: 'badge badge--accent',
  qualified: 'badge badge--success',
};

/** One competency of a path: its level, sessions, and what comes next. */
export function PathRows({ path }: { path: QualificationPath }) {
  return (
    <ul className="path-list">
      {path.competencies.map((c) => (
        <li key={c.competencyKey} className="path-item" data-competency={c.competencyKey}>
          <div className="path-item__head">
            <span className="path-item__name">{c.competency}</span>
            <span className={LEVEL_TONE[c.level]}>{QUALIFICATION_LEVEL_LABELS[c.level]}</span>
          </div>
          {c.level === 'qualified' ? null : (
            <>
              <p className="path-item__progress">
                <progress
                  className="path-item__bar"
                  max={c.needed}
                  value={Math.min(c.done, c.needed)}
                  aria-hidden="true"
                />
                <span>{progressText(c)}</span>
                {c.calibrationRequired ? (
                  <span className="path-item__check">
                    {' '}
                    · calibration check {path.calibration.state === 'passed' ? 'passed' : 'not passed yet'}
                  </span>
                ) : null}
              </p>
              <p className="path-item__next">{nextStepText(c)}</p>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The signed-in interviewer's path on their home: per competency their level, the sessions done
 * and needed, the calibration check when it applies, and what comes next. For someone qualified in
 * every competency, one line says so.
 */
export function QualificationPathSection() {
  const mine = useMyQualification();
  return (
    <section className="panel home-section" aria-labelledby="home-path">
      <div className="home-section__header">
        <h2 id="home-path" className="section-header__title">
          Your interviewer path
        </h2>
        <p className="section-header__description">
          Per competency: shadow a qualified interviewer, then lead while one observes, then a hiring manager approves.
          Shadow scorecards are kept for your training and count in no figure.
        </p>
      </div>
      {mine.isPending ? (
        <LoadingState label="Loading your path…" />
      ) : mine.isError ? (
        <ErrorState
          title="Couldn’t load your path"
          error={mine.error}
          onRetry={() => void mine.refetch()}
          retrying={mine.isFetching}
        />
      ) : mine.data.competencies.every((c) => c.level === 'qualified') ? (
        <p className="path-done">
          You’re qualified in all {mine.data.competencies.length} competencies: you lead interviews, and trainees may
          sit beside you as your shadow.
        </p>
      ) : (
        <>
          <PathRows path={mine.data} />
          {mine.data.competencies.some((c) => c.calibrationRequired) ? (
            <p className="path-calibration">
              <strong>Calibration check.</strong> {calibrationText(mine.data.calibration)}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
