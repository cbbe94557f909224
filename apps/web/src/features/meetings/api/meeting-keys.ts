/**
 * Meetings live under the debrief's key of their application (`['debriefs', 'debrief', id]`): the
 * debrief's live stream invalidates that prefix on every change, so an open meeting refetches on
 * every vote, reveal and round, in every panel member's browser.
 */
export const meetingKeys = {
  application: (applicationId: string) => ['debriefs', 'debrief', applicationId, 'meetings'] as const,
  latest: (applicationId: string) => [...meetingKeys.application(applicationId), 'latest'] as const,
  meeting: (applicationId: string, meetingId: string) =>
    [...meetingKeys.application(applicationId), 'meeting', meetingId] as const,
};
