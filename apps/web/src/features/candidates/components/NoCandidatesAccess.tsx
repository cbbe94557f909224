import { NoAccessState } from '@/components/ui/PageStates';

export function NoCandidatesAccess() {
  return (
    <NoAccessState title="Candidates">
      Recruiters, hiring managers and admins follow candidates through the pipeline. As an interviewer you’ll find
      everything you need in your interview kits.
    </NoAccessState>
  );
}
