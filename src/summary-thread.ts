// One of the summary pool's threads (summary-threads.ts): summarizes and audits the articles it is sent.
import { parentPort } from 'node:worker_threads';
import { gatedSummaryOf, type SummaryAnswer, type SummaryTask } from './summary-threads.js';

parentPort?.on('message', ({ id, articles, options }: SummaryTask) => {
  let answer: SummaryAnswer;
  try {
    answer = { id, gated: articles.map((article) => gatedSummaryOf(article, options)) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
