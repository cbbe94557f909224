import type { MarkQuestionResult } from '@scorecard/contracts';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { NoAccessState, NotFoundState, QueryPage, useIdParam } from '@/components/ui/PageStates';
import { EmptyState } from '@/components/ui/States';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useQuestionBank } from '../api/question-bank';
import { CompetencyQuestions } from '../components/QuestionBankView';
import { MarkQuestionDialog, type MarkTarget } from '../components/MarkQuestionDialog';
import { percent, plural } from '../question-bank-copy';
import '../question-bank.css';

const TITLE = 'Question bank';

/** Admins and hiring managers read the question figures and mark questions (the designers of rubrics). */
const canUse = (role: string) => role === 'admin' || role === 'hiring_manager';

function Breadcrumb({ rubricId, name }: { rubricId: string; name?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to="/rubrics">Rubrics</Link>
      {name ? (
        <>
          {' › '}
          <Link to={`/rubrics/${rubricId}`}>{name}</Link>
        </>
      ) : null}
    </nav>
  );
}

/** /rubrics/:id/questions: every question of the rubric's published versions, with its figures and flags. */
export default function QuestionBankRoute() {
  const id = useIdParam();
  const { user } = useSession();
  const bank = useQuestionBank(id && canUse(user.role) ? id : null);
  const navigate = useNavigate();
  const [target, setTarget] = useState<MarkTarget | null>(null);
  const onMark = useCallback((t: MarkTarget) => setTarget(t), []);
  useDocumentTitle(bank.data ? `${TITLE}: ${bank.data.rubric.name}` : TITLE);

  const onMarked = (result: MarkQuestionResult, marked: MarkTarget) => {
    setTarget(null);
    const what = marked.kind === 'retired' ? 'Retired' : 'Marked as possibly leaked:';
    const text = result.removedFromDraft
      ? `${what} “${marked.title}”. Draft version ${result.draft.version} no longer has it; publish the draft when it’s ready.`
      : `${what} “${marked.title}”. Draft version ${result.draft.version} no longer had it, so only the mark was recorded.`;
    void navigate(`/rubrics/${id}`, { state: { notice: { tone: 'success', text } } });
  };

  return (
    <QueryPage
      query={bank}
      copy={{ title: TITLE, loading: 'Loading the question bank…', failed: 'Couldn’t load the question bank' }}
      noAccess={{
        allowed: canUse(user.role),
        page: (
          <NoAccessState title={TITLE}>
            Admins and hiring managers use the question bank to see which interview questions work. Ask one of them if a
            question needs changing.
          </NoAccessState>
        ),
      }}
      notFound={{
        found: id !== null,
        page: (
          <NotFoundState
            title={TITLE}
            heading="This rubric doesn’t exist"
            back={{ to: '/rubrics', label: 'Back to rubrics' }}
          />
        ),
      }}
      before={id ? <Breadcrumb rubricId={id} /> : null}
    >
      {(b) => {
        const versions = b.versions.map((v) => v.version);
        const canMark = canUse(user.role);
        return (
          <div className="question-bank">
            <Breadcrumb rubricId={b.rubric.id} name={b.rubric.name} />
            <PageHeader
              title={`${TITLE}: ${b.rubric.name}`}
              description="How each question of this rubric has worked in interviews: how often it was asked, what ratings it got, whether interviewers agree on it, and whether its ratings go with the hiring decision."
            />
            {versions.length === 0 ? (
              <EmptyState
                title="Nothing published yet"
                action={
                  <Link className="button button--secondary" to={`/rubrics/${b.rubric.id}`}>
                    Open the rubric
                  </Link>
                }
              >
                <p>Questions get figures once a version of the rubric is published and interviewers score with it.</p>
              </EmptyState>
            ) : (
              <>
                <div className="panel panel--padded qb-summary">
                  <p data-summary>
                    {b.scorecards === 0
                      ? `No submitted scorecards yet on version${versions.length > 1 ? 's' : ''} ${versions.join(', ')}. Figures appear as interviewers submit them.`
                      : `From ${plural(b.scorecards, 'submitted scorecard')} on version${versions.length > 1 ? 's' : ''} ${versions.join(', ')}, each as first submitted. Imported scorecards are left out.`}
                    {b.draft ? ` The rubric has a draft, version ${b.draft.version}.` : ''}
                  </p>
                  <details className="qb-legend">
                    <summary>How to read these figures</summary>
                    <ul>
                      <li>
                        <strong>Asked</strong>: scorecards whose interview asked the question.{' '}
                        <strong>Not assessed</strong>: of those, the ones that left it unrated.
                      </li>
                      <li>
                        <strong>Agreement</strong>: Krippendorff’s alpha over candidates two or more interviewers rated
                        on the question (1 is full agreement, 0 no better than chance), with a 95% interval. Shown from{' '}
                        {plural(b.thresholds.alphaUnits, 'candidate')}.
                      </li>
                      <li>
                        <strong>Relation to hiring</strong>: the correlation of the rating with the latest decision
                        (hire 1, no hire 0; candidates on hold or undecided left out), from −1 to 1. Shown from{' '}
                        {plural(b.thresholds.decidedRatings, 'rating')} on decided candidates. It says whether the
                        question went with the decision, not that it predicts how people do in the job.
                      </li>
                      <li>
                        <strong>Separates nobody</strong>: at least {percent(b.thresholds.separatesNobodyShare)} of its
                        ratings are one level. <strong>Raters cannot agree</strong>: alpha’s interval lies wholly below{' '}
                        {b.thresholds.agreementFloor}. <strong>Too few ratings</strong>: under {b.thresholds.ratings},
                        so nothing is read from it yet.
                      </li>
                    </ul>
                  </details>
                </div>
                {b.competencies.map((c) => (
                  <section key={c.key} className="panel qb-competency" aria-labelledby={`qb-${c.key}`}>
                    <h2 id={`qb-${c.key}`} className="qb-competency__title">
                      {c.name}
                    </h2>
                    <CompetencyQuestions bank={b} competency={c} canMark={canMark} onMark={onMark} />
                  </section>
                ))}
              </>
            )}
            {id ? (
              <MarkQuestionDialog rubricId={id} target={target} onClose={() => setTarget(null)} onMarked={onMarked} />
            ) : null}
          </div>
        );
      }}
    </QueryPage>
  );
}
