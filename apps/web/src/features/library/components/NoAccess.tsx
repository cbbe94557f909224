import { NoAccessState } from '@/components/ui/PageStates';

/** Interviewers see only what their own interviews need, not the library. */
export function NoAccess({ title }: { title: string }) {
  return (
    <NoAccessState title={title}>
      Admins, hiring managers and recruiters use the library. Your interview kits show the rubric and red flags you need
      for each interview.
    </NoAccessState>
  );
}
