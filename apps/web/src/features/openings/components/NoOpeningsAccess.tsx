import { NoAccessState } from '@/components/ui/PageStates';

export function NoOpeningsAccess() {
  return (
    <NoAccessState title="Openings">
      Openings are defined by hiring managers and followed by recruiters. As an interviewer you’ll find everything you
      need in your interview kits.
    </NoAccessState>
  );
}
