/**
 * The one look of every email: the organization's name on top, a heading, short paragraphs, an
 * optional table of details, one button into the product, and a footer that says why it came (and
 * how to stop it, for an optional email). Rendered to HTML (inline styles only, as mail clients
 * need) and to plain text from the same parts, so the two never say different things.
 */
export interface EmailContent {
  organizationName: string;
  heading: string;
  paragraphs: string[];
  /** Label and value rows ("When", "Tue 9 Dec, 14:00–15:00 (Europe/Berlin)"). */
  details?: [string, string][];
  action: { label: string; url: string };
  /** Why the recipient gets this email. */
  reason: string;
  /** For an optional email: the page that turns it off. */
  unsubscribeUrl?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function renderEmail(c: EmailContent): { html: string; text: string } {
  const p = (s: string) =>
    `<p style="margin:0 0 12px;font-size:15px;line-height:1.5;color:#1f2937">${escapeHtml(s)}</p>`;
  const details = c.details?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:4px 0 16px">${c.details
        .map(
          ([k, v]) =>
            `<tr><th align="left" style="padding:2px 16px 2px 0;font-size:14px;color:#6b7280;font-weight:600">${escapeHtml(k)}</th>` +
            `<td style="padding:2px 0;font-size:14px;color:#1f2937">${escapeHtml(v)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const unsubscribe = c.unsubscribeUrl
    ? ` <a href="${escapeHtml(c.unsubscribeUrl)}" style="color:#6b7280">Unsubscribe from these emails</a>.`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.heading)}</title></head>
<body style="margin:0;padding:24px;background:#f3f4f6;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<tr><td>
<p style="margin:0 0 16px;font-size:13px;color:#6b7280;text-transform:uppercase;letter-spacing:.04em">Scorecard · ${escapeHtml(c.organizationName)}</p>
<h1 style="margin:0 0 16px;font-size:20px;color:#111827">${escapeHtml(c.heading)}</h1>
${c.paragraphs.map(p).join('\n')}
${details}
<p style="margin:8px 0 20px"><a href="${escapeHtml(c.action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-size:15px">${escapeHtml(c.action.label)}</a></p>
<p style="margin:0 0 12px;font-size:13px;color:#6b7280">Or open this link: <a href="${escapeHtml(c.action.url)}" style="color:#1d4ed8">${escapeHtml(c.action.url)}</a></p>
<hr style="border:none;border-top:1px solid #e5e7eb;margin:16px 0">
<p style="margin:0;font-size:12px;color:#6b7280">${escapeHtml(c.reason)}${unsubscribe}</p>
</td></tr></table>
</body></html>
`;
  const text = [
    `Scorecard · ${c.organizationName}`,
    '',
    c.heading,
    '',
    ...c.paragraphs.flatMap((s) => [s, '']),
    ...(c.details?.length ? [...c.details.map(([k, v]) => `${k}: ${v}`), ''] : []),
    `${c.action.label}: ${c.action.url}`,
    '',
    '--',
    c.reason,
    ...(c.unsubscribeUrl ? [`Unsubscribe from these emails: ${c.unsubscribeUrl}`] : []),
    '',
  ].join('\n');
  return { html, text };
}
