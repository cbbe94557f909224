export * from './users.js';
export * from './login-throttle.js';
