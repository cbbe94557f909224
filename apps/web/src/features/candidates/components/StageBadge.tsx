import { STAGE_LABELS, type Stage } from '@scorecard/contracts';
import { Badge } from '@/components/ui/Badge';

export function StageBadge({ stage }: { stage: Stage }) {
  const tone = stage === 'hired' ? 'success' : stage === 'rejected' || stage === 'withdrawn' ? 'muted' : 'accent';
  return <Badge tone={tone}>{STAGE_LABELS[stage]}</Badge>;
}
