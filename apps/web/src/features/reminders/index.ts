export { RemindNowButton } from './components/RemindNowButton';
