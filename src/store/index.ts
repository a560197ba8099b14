// The store seam: the interfaces every backend implements (types.ts) and the backends themselves. Stages never
// see it; pipeline.ts, desk.ts, the CLI and the editor do.
export * from './types.js';
export { openSqliteStore } from './sqlite/index.js';
