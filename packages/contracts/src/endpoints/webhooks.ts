import { endpointGroup } from './endpoint.js';

/** Webhook endpoints, their delivery log, redelivery and test events. */
export const webhookEndpoints = endpointGroup({});
