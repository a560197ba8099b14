// Metrics for the audit evaluation: per-label precision/recall, balanced accuracy, false alarms.
import type { AuditVerdict } from '../src/model.js';

export const LABELS: readonly AuditVerdict[] = ['supported', 'unsupported', 'misattributed', 'contradicted'];

export interface Prediction {
  label: AuditVerdict;
  predicted: AuditVerdict;
  kind: string;
}

export interface Metrics {
  perLabel: Record<AuditVerdict, { precision: number; recall: number; support: number }>;
  /** Mean recall over the four labels. */
  balancedAccuracy: number;
  /** Mean of recall on supported and recall on "anything else is flagged": the editor's real question. */
  binaryBalancedAccuracy: number;
  /** Share of faithful paraphrases (supported, kind paraphrase) flagged as anything but supported. */
  paraphraseFalseAlarms: number;
  accuracy: number;
}

export function computeMetrics(predictions: readonly Prediction[]): Metrics {
  const perLabel = {} as Metrics['perLabel'];
  for (const label of LABELS) {
    const truePositive = predictions.filter((p) => p.label === label && p.predicted === label).length;
    const predicted = predictions.filter((p) => p.predicted === label).length;
    const actual = predictions.filter((p) => p.label === label).length;
    perLabel[label] = { precision: predicted ? truePositive / predicted : 0, recall: actual ? truePositive / actual : 0, support: actual };
  }
  const present = LABELS.filter((l) => perLabel[l].support > 0);
  const balancedAccuracy = present.reduce((sum, l) => sum + perLabel[l].recall, 0) / Math.max(1, present.length);
  const faithful = predictions.filter((p) => p.label === 'supported');
  const unfaithful = predictions.filter((p) => p.label !== 'supported');
  const keptFaithful = faithful.filter((p) => p.predicted === 'supported').length / Math.max(1, faithful.length);
  const caught = unfaithful.filter((p) => p.predicted !== 'supported').length / Math.max(1, unfaithful.length);
  const paraphrases = faithful.filter((p) => p.kind === 'paraphrase');
  return {
    perLabel,
    balancedAccuracy,
    binaryBalancedAccuracy: (keptFaithful + caught) / 2,
    paraphraseFalseAlarms: paraphrases.filter((p) => p.predicted !== 'supported').length / Math.max(1, paraphrases.length),
    accuracy: predictions.filter((p) => p.label === p.predicted).length / Math.max(1, predictions.length),
  };
}
