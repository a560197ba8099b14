import { openSqliteStore } from '../store/index.js';
import { politenessContract } from './shared-politeness-contract.js';

// A SQLite desk's politeness lives in its store's process: fetchers of that process share it.
politenessContract('SQLite store, in the process', {
  async open() {
    const store = openSqliteStore(':memory:');
    return { first: store, second: store, close: () => store.close() };
  },
});
