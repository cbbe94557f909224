// The interviews feature's public face: what another feature's page may place (see the lint rule on
// feature boundaries in eslint.config.js).
export { InterviewsChanged } from './api/interview-mutations';
export { InterviewsSection } from './components/InterviewsSection';
