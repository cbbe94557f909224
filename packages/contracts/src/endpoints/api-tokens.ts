import { endpointGroup } from './endpoint.js';

/** Organization API tokens (admins): create (secret shown once), list, revoke. */
export const apiTokenEndpoints = endpointGroup({});
