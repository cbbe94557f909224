import { QUESTION_MARK_LABELS, type QuestionBank, type QuestionFigures } from '@scorecard/contracts';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/Badge';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { agreementText, decisionText, flagText, percent } from '../question-bank-copy';
import { DistributionBar } from './DistributionBar';
import type { MarkTarget } from './MarkQuestionDialog';

type Competency = QuestionBank['competencies'][number];

function Figure({ value, detail }: { value: string; detail: string }) {
  return (
    <span className="qb-figure">
      <span className="qb-figure__value">{value}</span>
      <span className="qb-figure__detail">{detail}</span>
    </span>
  );
}

function QuestionName({ q, latest, t }: { q: QuestionFigures; latest: number | null; t: QuestionBank['thresholds'] }) {
  return (
    <span className="qb-question">
      <span className="qb-question__title">{q.title.trim() || 'Untitled question'}</span>
      <span className="qb-question__badges">
        {q.marks.map((m) => (
          <span key={m.id} title={m.note || undefined}>
            <Badge tone={m.kind === 'retired' ? 'muted' : 'accent'}>{QUESTION_MARK_LABELS[m.kind]}</Badge>
          </span>
        ))}
        {!q.inLatestVersion && latest !== null ? <Badge tone="muted">Not in version {latest}</Badge> : null}
        {q.inDraft === false && q.inLatestVersion ? <Badge tone="neutral">Taken out of the draft</Badge> : null}
      </span>
      {q.flags.length === 0 ? null : (
        <ul className="qb-flags" aria-label="Flags">
          {q.flags.map((f) => {
            const text = flagText(f, q, t);
            return (
              <li key={f} className={`qb-flag qb-flag--${f}`} data-flag={f}>
                <strong>{text.label}.</strong> {text.detail}
              </li>
            );
          })}
        </ul>
      )}
      {q.marks
        .filter((m) => m.note)
        .map((m) => (
          <span key={m.id} className="qb-question__note">
            {QUESTION_MARK_LABELS[m.kind]} by {m.markedBy.name}: “{m.note}”
          </span>
        ))}
    </span>
  );
}

/**
 * One competency's questions with their figures: how often asked, the 1–4 counts, not assessed,
 * agreement, relation to the decision; flags in plain words under the question; and (for designers) the marks.
 */
export function CompetencyQuestions({
  bank,
  competency,
  canMark,
  onMark,
}: {
  bank: QuestionBank;
  competency: Competency;
  canMark: boolean;
  onMark: (target: MarkTarget) => void;
}) {
  const latest = bank.versions.at(-1)?.version ?? null;
  const t = bank.thresholds;
  const columns = useMemo<DataColumn<QuestionFigures>[]>(() => {
    const list: DataColumn<QuestionFigures>[] = [
      {
        id: 'question',
        header: 'Question',
        meta: { rowHeader: true, className: 'qb-col-question' },
        cell: ({ row }) => <QuestionName q={row.original} latest={latest} t={t} />,
      },
      {
        id: 'asked',
        header: 'Asked',
        meta: { className: 'table__num', headerClassName: 'table__num', cellName: 'asked' },
        cell: ({ row }) => row.original.asked,
      },
      {
        id: 'ratings',
        header: 'Ratings 1 · 2 · 3 · 4',
        meta: { cellName: 'ratings' },
        cell: ({ row }) => <DistributionBar distribution={row.original.distribution} />,
      },
      {
        id: 'unassessed',
        header: 'Not assessed',
        meta: { cellName: 'not-assessed' },
        cell: ({ row: { original: q } }) => (
          <Figure
            value={percent(q.notAssessedShare)}
            detail={q.asked === 0 ? 'never asked' : `${q.notAssessed} of ${q.asked}`}
          />
        ),
      },
      {
        id: 'agreement',
        header: 'Agreement (alpha)',
        meta: { cellName: 'agreement' },
        cell: ({ row }) => <Figure {...agreementText(row.original, t)} />,
      },
      {
        id: 'decision',
        header: 'Relation to hiring (r)',
        meta: { cellName: 'decision' },
        cell: ({ row }) => <Figure {...decisionText(row.original, t)} />,
      },
    ];
    if (canMark) {
      list.push({
        id: 'actions',
        header: 'Actions',
        meta: { cellName: 'actions' },
        cell: ({ row: { original: q } }) => {
          const title = q.title.trim() || 'Untitled question';
          return (
            <span className="qb-actions">
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onMark({ criterionKey: q.criterionKey, title, kind: 'retired', inDraft: q.inDraft })}
                aria-label={`Retire “${title}”`}
              >
                Retire
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  onMark({ criterionKey: q.criterionKey, title, kind: 'possibly_leaked', inDraft: q.inDraft })
                }
                aria-label={`Mark “${title}” as possibly leaked`}
              >
                Possibly leaked
              </button>
            </span>
          );
        },
      });
    }
    return list;
  }, [canMark, latest, onMark, t]);

  return (
    <DataTable
      scrollLabel={`Questions of ${competency.name}`}
      columns={columns}
      data={competency.questions}
      rowId={(q) => q.criterionKey}
      className="qb-table"
      tableName="questions"
      caption={`Questions of ${competency.name}, with their figures`}
      rowProps={(q) => ({ 'data-question': q.title })}
    />
  );
}
