import { z } from 'zod';

// SCIM 2.0 provisioning (RFC 7643/7644) and the SCIM tokens admins create for it.
export const _placeholderscimEndpoints = z.never();
