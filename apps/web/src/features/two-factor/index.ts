// The two-factor feature's public face: the sign-in form (auth) shows the set-up panel, the
// recovery codes and the code input in its two-factor steps.
export { CodeInput } from './components/CodeInput';
export { RecoveryCodesPanel } from './components/RecoveryCodesPanel';
export { TotpSetupPanel } from './components/TotpSetupPanel';
