// Validates the third held-out audit set and prints its counts per label and kind, with the checks of
// ../heldout2/stats.mjs and this set's own limits: 7-9 summary sentences per article and every fault kind
// exactly 9 times. The whole set is a test set: there is no split. Run from the repository root:
//   node eval/audit/heldout3/stats.mjs
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printAuditSetStats } from '../heldout2/stats.mjs';

const MIN_SENTENCES = 7;
const MAX_SENTENCES = 9;
const FAULTS_PER_KIND = 9;

printAuditSetStats(dirname(fileURLToPath(import.meta.url)), {
  minSentences: MIN_SENTENCES,
  maxSentences: MAX_SENTENCES,
  faultsPerKind: FAULTS_PER_KIND,
});
