export * from './primitives.js';
export * from './council.js';
export * from './framework.js';
export * from './activities.js';
