export * from './errors.js';
export * from './common.js';
export * from './auth.js';
export * from './users.js';
export * from './health.js';
export * from './endpoints.js';
export * from './library.js';
export * from './openings.js';
