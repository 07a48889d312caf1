/**
 * Every type that crosses between the page and the training worker, declared
 * once and imported by both sides: the messages (commands, events), the saved
 * runs as stored, and the engine's results they carry. Only re-exports.
 */
export type * from './commands';
export type * from './drawings';
export type * from './engineResults';
export type * from './events';
export type * from './explain';
export type * from './savedRun';
export { transferablesOf } from './transferablesOf';
