export * from './users.js';
export * from './login-throttle.js';
export * from './plan-check.js';
export * from './versioning.js';
export * from './rubric-diff.js';
export * from './opening-status.js';
export * from './pipeline.js';
export * from './interviews.js';
