import { useMutation } from '@tanstack/react-query';
import { CSRF_HEADER, CSRF_HEADER_VALUE, Problem, committeePacketPath } from '@scorecard/contracts';
import { ApiError } from '@/lib/api';

export type PacketOptions = { anonymise: boolean; redact: string[] };

/** The file name from `Content-Disposition` (its UTF-8 form first), or a plain fallback. */
export function packetFileName(disposition: string | null, fallback = 'committee-packet.pdf'): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: fall through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Hands the PDF to the browser as a download. */
function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download before the browser has read it.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fetches the committee packet and saves it. Fetched, not linked, so a refusal or a failure shows
 * on the page with the API's own words instead of downloading an error document.
 */
async function downloadPacket(applicationId: string, options: PacketOptions): Promise<string> {
  let response: Response;
  try {
    response = await fetch(committeePacketPath(applicationId, options), {
      credentials: 'same-origin',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/pdf' },
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      title: 'Cannot reach Scorecard',
      detail: 'Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = Problem.safeParse(await response.json().catch(() => undefined));
    throw problem.success
      ? new ApiError({
          status: problem.data.status || response.status,
          code: problem.data.code,
          title: problem.data.title,
          detail: problem.data.detail,
          fieldErrors: problem.data.errors,
          requestId: problem.data.requestId,
        })
      : new ApiError({ status: response.status, code: 'unknown', title: 'The packet could not be made. Try again.' });
  }
  const fileName = packetFileName(response.headers.get('content-disposition'));
  saveFile(fileName, await response.blob());
  return fileName;
}

export function useDownloadCommitteePacket(applicationId: string) {
  return useMutation({ mutationFn: (options: PacketOptions) => downloadPacket(applicationId, options) });
}
