export { SSO_ERROR_MESSAGES, ssoErrorMessage } from './sso-errors';
