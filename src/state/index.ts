export * from './store.js';
export * from './refs.js';
export * from './records.js';
export * from './stage-state.js';
export * from './freight-notes.js';
