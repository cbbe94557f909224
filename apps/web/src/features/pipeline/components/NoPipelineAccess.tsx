import { NoAccessState } from '@/components/ui/PageStates';

export function NoPipelineAccess({ title = 'Pipeline' }: { title?: string }) {
  return (
    <NoAccessState title={title} heading="You don’t have access to the pipeline">
      Recruiters, hiring managers and admins move candidates through the pipeline. As an interviewer you’ll find
      everything you need in your interview kits.
    </NoAccessState>
  );
}
