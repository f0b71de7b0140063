export * from './enums.js';
export * from './severity.js';
export * from './credit-code.js';
export * from './dates.js';
