export { SelfIdLinkPanel } from './components/SelfIdLinkPanel';
