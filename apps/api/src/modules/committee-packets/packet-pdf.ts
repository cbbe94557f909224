import { RECOMMENDATION_LABELS, type MeetingRecord, type Recommendation } from '@scorecard/contracts';
import PDFDocument from 'pdfkit';
import type { PacketModel, PacketScorecard } from './packet-model.js';
import {
  ACCENT,
  BODY_SIZE,
  DANGER,
  type Doc,
  FONTS,
  INK,
  MARGIN,
  MUTED,
  RULE,
  body,
  bullet,
  ensureSpace,
  field,
  heading,
  left,
  para,
  subheading,
  table,
  width,
} from './pdf-layout.js';

/** The recommendation scale of the meeting's votes (strong no 1 … strong yes 4). */
const RECOMMENDATION_BY_VALUE: Record<number, Recommendation> = { 1: 'strong_no', 2: 'no', 3: 'yes', 4: 'strong_yes' };

/** Renders the packet; resolves with the whole PDF. */
export function renderPacketPdf(model: PacketModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Hiring-committee packet: ${model.candidate}, ${model.opening}`,
      Author: model.organization,
      Subject: model.anonymised ? 'Anonymised hiring-committee packet' : 'Hiring-committee packet',
      Creator: 'Scorecard',
      CreationDate: model.generatedAt,
    },
  });
  doc.registerFont('body', FONTS.body);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    renderBody(doc, model);
    stampPages(doc, model);
  } finally {
    doc.end();
  }
  return done;
}

function renderBody(doc: Doc, m: PacketModel) {
  // Title block.
  doc
    .font('bold')
    .fontSize(20)
    .fillColor(INK)
    .text(m.candidate, left(doc), doc.y, { width: width(doc) });
  body(doc, MUTED).text(
    [m.opening, m.currentRole ? `Currently: ${m.currentRole}` : null, `Stage: ${m.stage}`]
      .filter(Boolean)
      .join('  ·  '),
    { width: width(doc) },
  );
  doc.moveDown(0.5);
  para(
    doc,
    'A hiring-committee packet, for readers who never met the candidate. Every figure reads each scorecard as first submitted (the independent ratings); amendments are listed beside the scorecards, never in their place.',
    { color: MUTED },
  );
  if (m.anonymised) {
    para(
      doc,
      `Anonymised: the candidate’s name is replaced by a code, and their current company, contact details, links and gendered pronouns are taken out of every text${m.redactedTerms > 0 ? `, with ${m.redactedTerms} more term${m.redactedTerms === 1 ? '' : 's'} named by the reader` : ''}. Free text can still reveal who someone is; read it with that in mind.`,
      { color: MUTED, italic: true },
    );
  }
  if (m.dealbreaker) para(doc, 'An interviewer flagged a dealbreaker: see Red flags.', { color: DANGER });

  heading(doc, 'Role profile');
  for (const [label, value] of m.profile.rows) field(doc, label, value);
  subheading(doc, 'What the role offers, as the hiring manager describes it');
  for (const [label, value] of m.profile.expectations) field(doc, label, value);

  heading(doc, 'Rubric and its anchors');
  if (!m.rubric) para(doc, 'The opening has no published rubric.', { color: MUTED });
  else {
    para(
      doc,
      `${m.rubric.name}. Ratings run from 1 (strong evidence against) to 4 (strong evidence for); “not assessed” is not a zero.`,
      {
        color: MUTED,
      },
    );
    for (const c of m.rubric.competencies) {
      subheading(doc, `${c.name}  (${c.category}, weight ${c.weight})`);
      if (c.description) para(doc, c.description, { color: MUTED });
      for (const cr of c.criteria) {
        ensureSpace(doc, 70);
        doc
          .font('bold')
          .fontSize(BODY_SIZE)
          .fillColor(INK)
          .text(cr.title, left(doc) + 8, doc.y, { width: width(doc) - 8 });
        if (cr.prompt) para(doc, cr.prompt, { indent: 8, italic: true, color: MUTED });
        cr.anchors.forEach((a, i) => bullet(doc, `${i + 1}: ${a || '(no anchor text)'}`, 16));
        doc.moveDown(0.3);
      }
    }
  }

  heading(doc, 'Combined score');
  doc
    .font('bold')
    .fontSize(16)
    .fillColor(INK)
    .text(m.score.overall ? `Overall ${m.score.overall}` : 'No score yet', left(doc), doc.y, {
      width: width(doc),
    });
  doc.moveDown(0.2);
  for (const n of m.score.notes) para(doc, n, { color: MUTED });
  table(
    doc,
    [
      { title: 'Competency', width: 175 },
      { title: 'Weight', width: 50, align: 'right' },
      { title: 'Score', width: 50, align: 'right' },
      { title: 'Scorecards', width: 68, align: 'right' },
      { title: 'Spread', width: 50, align: 'right' },
      { title: 'Disagreement', width: 90 },
    ],
    m.score.competencies.map((c) => ({
      cells: [c.name, c.weight, c.score, c.n, c.spread, c.disagreement ? 'Yes: discuss' : ''],
      color: c.disagreement ? DANGER : INK,
    })),
  );
  field(doc, 'Recommendations', m.score.tally);

  heading(doc, 'Disagreements');
  const nothing =
    m.disagreements.competencies.length === 0 &&
    m.disagreements.criteria.length === 0 &&
    !m.disagreements.recommendationSplit;
  if (nothing)
    para(doc, 'No rating spans two levels or more, and the panel’s recommendations do not split.', { color: MUTED });
  if (m.disagreements.recommendationSplit)
    bullet(doc, 'The panel is split: some recommend yes or strong yes, others no or strong no.');
  for (const c of m.disagreements.competencies) bullet(doc, `Competency: ${c} (scores span two levels or more)`);
  for (const c of m.disagreements.criteria) bullet(doc, `Question: ${c} (ratings span two levels or more)`);

  heading(doc, 'Evidence gaps');
  if (m.evidenceGaps.length === 0)
    para(doc, 'Every competency was rated by at least two scorecards.', { color: MUTED });
  for (const g of m.evidenceGaps) {
    bullet(
      doc,
      `${g.name}: ${g.ratings === 0 ? 'nobody rated it' : `${g.ratings} scorecard rated it`}, fewer than the two needed to weigh it.`,
    );
  }

  heading(doc, 'Red flags');
  if (m.redFlags.length === 0) para(doc, 'No interviewer ticked a red flag.', { color: MUTED });
  for (const f of m.redFlags) {
    subheading(doc, `${f.severity}: ${f.description}`, f.severity === 'Dealbreaker' ? DANGER : INK);
    for (const s of f.seenBy) bullet(doc, `${s.interviewer}: ${s.evidence || 'no evidence written'}`, 8);
  }

  heading(doc, 'Scorecards');
  if (m.scorecards.length === 0) para(doc, 'No scorecard is submitted yet.', { color: MUTED });
  m.scorecards.forEach((s) => renderScorecard(doc, s));
  if (m.pending.length > 0) {
    subheading(doc, 'Not submitted yet');
    for (const p of m.pending)
      bullet(doc, `${p.step}, ${p.interviewer}: due ${p.due}${p.overdue ? ' (overdue)' : ''}`, 8);
  }

  heading(doc, 'Debrief meeting');
  renderMeeting(doc, m.meeting);

  heading(doc, 'Decision');
  const [latest, ...earlier] = m.decisions;
  if (!latest) para(doc, 'No decision is recorded yet.', { color: MUTED });
  else {
    doc
      .font('bold')
      .fontSize(13)
      .fillColor(INK)
      .text(latest.outcome, left(doc), doc.y, { width: width(doc) });
    para(
      doc,
      `Recorded by ${latest.by} on ${latest.at}.${latest.acknowledgedDealbreakers ? ' The decider acknowledged the dealbreaker red flags.' : ''}`,
      {
        color: MUTED,
      },
    );
    para(doc, latest.rationale);
    if (earlier.length > 0) {
      subheading(doc, 'Earlier decisions');
      for (const d of earlier) bullet(doc, `${d.outcome}, by ${d.by} on ${d.at}: ${d.rationale}`, 8);
    }
  }
}

function renderScorecard(doc: Doc, s: PacketScorecard) {
  ensureSpace(doc, 110);
  doc.moveDown(0.4);
  doc
    .font('bold')
    .fontSize(11.5)
    .fillColor(INK)
    .text(`${s.step}: ${s.interviewer}`, left(doc), doc.y, { width: width(doc) });
  para(doc, `Submitted ${s.submittedAt}. Recommendation: ${s.recommendation}.`, { color: MUTED });
  for (const l of s.labels) para(doc, l, { color: ACCENT, italic: true });
  for (const c of s.competencies) {
    ensureSpace(doc, 50);
    doc
      .font('bold')
      .fontSize(BODY_SIZE)
      .fillColor(ACCENT)
      .text(c.name, left(doc) + 8, doc.y, { width: width(doc) - 8 });
    doc.moveDown(0.15);
    for (const r of c.ratings) {
      const rating = `${r.criterion}: ${r.rating}${r.amendedTo ? ` (amended to ${r.amendedTo})` : ''}`;
      ensureSpace(doc, 40);
      doc
        .font('bold')
        .fontSize(BODY_SIZE)
        .fillColor(INK)
        .text(rating, left(doc) + 16, doc.y, { width: width(doc) - 16 });
      if (r.anchor) para(doc, `Anchor: ${r.anchor}`, { indent: 16, color: MUTED, italic: true });
      para(doc, r.evidence || 'No evidence written.', { indent: 16, color: r.evidence ? INK : MUTED });
    }
  }
  if (s.redFlags.length > 0) {
    ensureSpace(doc, 40);
    doc
      .font('bold')
      .fontSize(BODY_SIZE)
      .fillColor(INK)
      .text('Red flags', left(doc) + 8, doc.y, { width: width(doc) - 8 });
    for (const f of s.redFlags) {
      bullet(
        doc,
        `${f.severity}: ${sentence(f.description)} ${f.evidence || 'No evidence written.'}`,
        16,
        f.severity === 'Dealbreaker' ? DANGER : INK,
      );
    }
  }
  if (s.summary) {
    ensureSpace(doc, 40);
    doc
      .font('bold')
      .fontSize(BODY_SIZE)
      .fillColor(INK)
      .text('Summary', left(doc) + 8, doc.y, { width: width(doc) - 8 });
    para(doc, s.summary, { indent: 16 });
  }
  for (const a of s.amendments) {
    ensureSpace(doc, 40);
    doc
      .font('bold')
      .fontSize(BODY_SIZE)
      .fillColor(INK)
      .text(`Amended by ${a.by} on ${a.at}`, left(doc) + 8, doc.y, {
        width: width(doc) - 8,
      });
    para(doc, `Why: ${a.reason}`, { indent: 16 });
    for (const c of a.changes) bullet(doc, c, 16);
  }
  const y = doc.y + 4;
  doc
    .moveTo(left(doc), y)
    .lineTo(left(doc) + width(doc), y)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  doc.y = y + 4;
}

/** A text that ends as a sentence: a full stop added unless it already ends with one (or ?, !). */
const sentence = (s: string) => (/[.!?…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

const voteText = (key: string, v: number) =>
  key === 'recommendation' ? RECOMMENDATION_LABELS[RECOMMENDATION_BY_VALUE[v]!] : String(v);

/** Minutes between two instants, for the meeting's timings ("12 min"). */
function minutes(from: string, to: string): string {
  const m = Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
  return m < 1 ? 'under a minute' : `${m} min`;
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The debrief meeting's record (issue 24 §1, `MeetingsService.latestFinished`): who sat, the timings
 * of each round, and per question every member's two votes with their movement against the other
 * members' first-round mean. Null prints that no meeting finished.
 */
export function renderMeeting(doc: Doc, record: MeetingRecord | null) {
  if (!record) {
    para(doc, 'No debrief meeting was finished for this application.', { color: MUTED });
    return;
  }
  const names = new Map(record.members.map((mm) => [mm.id, mm.name]));
  para(
    doc,
    `Hosted by ${record.host.name}, from ${when(record.startedAt)} to ${when(record.finishedAt)} (${minutes(record.startedAt, record.finishedAt)}). Panel: ${record.members.map((mm) => mm.name).join(', ')}.`,
  );
  for (const r of record.rounds) {
    const voters = r.votes.map((v) => names.get(v.memberId) ?? 'A member');
    para(
      doc,
      `Round ${r.round} (silent vote): opened ${when(r.openedAt)}, revealed ${when(r.revealedAt)} (${minutes(r.openedAt, r.revealedAt)}); ${voters.length} vote${voters.length === 1 ? '' : 's'}${voters.length ? ` (${voters.join(', ')})` : ''}.`,
      { color: MUTED },
    );
  }
  para(
    doc,
    `Across every question, ${record.movement.toward} vote${record.movement.toward === 1 ? '' : 's'} moved toward the others’ first-round mean, ${record.movement.away} away from it, and ${record.movement.stayed} stayed. Moving toward the others can be persuasion or conformity; the meeting’s votes never replace the independent scorecards, and no figure in this packet reads them.`,
    { italic: true, color: MUTED },
  );
  const movementLabel = { toward: 'Toward the others', away: 'Away from the others', stayed: 'Stayed' } as const;
  for (const q of record.movement.questions) {
    subheading(doc, `${q.name}: ${q.toward} toward, ${q.away} away, ${q.stayed} stayed`);
    table(
      doc,
      [
        { title: 'Member', width: 140 },
        { title: 'Round 1', width: 72 },
        { title: 'Round 2', width: 72 },
        { title: 'Others’ round-1 mean', width: 110, align: 'right' },
        { title: 'Movement', width: 110 },
      ],
      q.members.map((mv) => ({
        cells: [
          names.get(mv.memberId) ?? 'A member',
          voteText(String(q.key), mv.first),
          voteText(String(q.key), mv.second),
          mv.othersMean === null ? '—' : mv.othersMean.toFixed(2),
          mv.movement ? movementLabel[mv.movement] : '—',
        ],
      })),
    );
  }
}

/** Header and footer on every page: organization, packet, candidate, generation time, page numbers. */
function stampPages(doc: Doc, m: PacketModel) {
  const range = doc.bufferedPageRange();
  const generated = `Generated ${when(m.generatedAt.toISOString())} by ${m.generatedBy}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const w = width(doc);
    const x = left(doc);
    doc
      .font('bold')
      .fontSize(8)
      .fillColor(MUTED)
      .text(m.organization, x, 28, { width: w / 2, lineBreak: false });
    doc
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`Hiring-committee packet · ${m.candidate}${m.anonymised ? ' (anonymised)' : ''}`, x + w / 2, 28, {
        width: w / 2,
        align: 'right',
        lineBreak: false,
      });
    doc
      .moveTo(x, 42)
      .lineTo(x + w, 42)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    const footY = doc.page.height - 34;
    doc
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${generated}. Confidential.`, x, footY, { width: w * 0.75, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, x + w * 0.75, footY, {
      width: w * 0.25,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
