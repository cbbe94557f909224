import { roundHalfUp } from '@scorecard/domain';

/** "812 B", "14.2 KB", "2.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${roundHalfUp(bytes / 1024, 1)} KB`;
  return `${roundHalfUp(bytes / 1024 / 1024, 1)} MB`;
}
