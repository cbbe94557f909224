import type { INestApplicationContext } from '@nestjs/common';
import { FilesService } from '../modules/files/files.service.js';
import type { DemoContext, Step } from './demo-context.js';
import { Db } from './db.js';

/** Text a PDF string literal can hold: printable ASCII with `\`, `(` and `)` escaped. */
function pdfText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/([\\()])/g, '\\$1');
}

/**
 * A small, valid one-page PDF (PDF 1.4, Helvetica, correct cross-reference table) with a title and
 * lines of text: the demo candidates' CVs and the tests' sample PDF.
 */
export function samplePdf(title: string, lines: readonly string[]): Buffer {
  const text = [
    'BT',
    '/F1 20 Tf',
    '72 760 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 11 Tf',
    '0 -30 Td',
    '15 TL',
    ...lines.map((l) => `(${pdfText(l)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The demo candidates with a CV on file, and what it says. */
const CVS: { name: string; lines: string[] }[] = [
  {
    name: 'Amara Nwosu',
    lines: [
      'Staff Engineer, payments platform (2019 - today)',
      '- Led a team of six through the move to event-driven settlement.',
      '- Introduced design reviews and an on-call rotation with runbooks.',
      'Senior Engineer, logistics start-up (2015 - 2019)',
      '- Built the routing service; mentored four engineers to senior.',
      'Talks: "Boring technology for exciting businesses" (2023).',
    ],
  },
  {
    name: 'Lukas Brandt',
    lines: [
      'Engineering Lead, developer tools (2020 - today)',
      '- Grew the build platform team from two to seven engineers.',
      '- Cut CI time from 40 to 9 minutes across 300 repositories.',
      'Backend Engineer, e-commerce (2016 - 2020)',
      '- Owned search and catalogue services.',
    ],
  },
  {
    // Interviewed tomorrow by Mateo: his kit lists this CV (the opening shows candidate details).
    name: 'Grace Adeyemi',
    lines: [
      'Tech Lead, multiplayer services (2021 - today)',
      '- Leads five engineers; runs the weekly architecture review.',
      '- Moved matchmaking to regional clusters, halving p95 latency.',
      'Senior Engineer, mobile games (2017 - 2021)',
      '- Built the live-ops tooling; coached two interns into full-time hires.',
    ],
  },
];

/**
 * A CV (a generated PDF) on three of the demo opening's candidates, uploaded by the recruiter
 * through the files service, so the candidate page shows a file list and a PDF preview at once.
 */
export async function seedDemoFiles(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const files = app.get(FilesService);
  const db = app.get(Db);
  for (const cv of CVS) {
    await step(async () => {
      const rows: { id: string }[] = await db.query(
        `select id from candidates where organization_id = $1 and name = $2 order by created_at, id limit 1`,
        [demo.recruiter.organizationId, cv.name],
      );
      const candidate = rows[0];
      if (!candidate) return;
      const filename = `${cv.name.replace(/\s+/g, '-')}-CV.pdf`;
      await files.upload(demo.recruiter, candidate.id, filename, samplePdf(`${cv.name} - Curriculum vitae`, cv.lines));
    });
  }
}
