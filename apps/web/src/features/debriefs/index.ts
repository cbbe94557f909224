/** What other features use of the debrief: its data and its live updates (the meeting page reads both). */
export { useDebrief } from './api/debrief-queries';
export { useDebriefEvents, type DebriefLive } from './api/use-debrief-events';
export { canDecide } from './debrief-access';
