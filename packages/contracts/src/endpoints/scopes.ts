import type { ApiScope } from '../api-tokens.js';

/**
 * The one table of what API tokens may call: endpoint name → the scope it needs. An endpoint not
 * listed refuses every token (403), whatever its scopes. Filled in by issue 23's API-token work.
 */
export const TOKEN_SCOPES: Readonly<Record<string, ApiScope>> = {};
