/** Debrief meetings (issue 24 §1): the debrief's way into its meeting. The meeting page is a route of its own. */
export { MeetingCard } from './components/MeetingCard';
