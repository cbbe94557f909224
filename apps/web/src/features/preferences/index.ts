// The preferences feature's public face: another feature may read the signed-in user's saved time
// zone and email choices (see the lint rule on feature boundaries in eslint.config.js).
export { usePreferences } from './api/preferences-queries';
