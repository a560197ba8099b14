import { queueContract } from './contract.js';
import { memoryJobQueue } from './memory.js';

queueContract('in-process', {
  async open(options) {
    const queue = memoryJobQueue(options);
    // Workers of a SQLite desk share the process, and so the queue.
    return { queue, second: async () => queue };
  },
});
