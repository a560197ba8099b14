// Metrics for the audit evaluation: per-label precision/recall, balanced accuracy, false alarms, and
// detection per kind of sentence.
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
  /** Share of supported sentences flagged as anything but supported. */
  falseAlarms: number;
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
    falseAlarms: 1 - keptFaithful,
    paraphraseFalseAlarms: paraphrases.filter((p) => p.predicted !== 'supported').length / Math.max(1, paraphrases.length),
    accuracy: predictions.filter((p) => p.label === p.predicted).length / Math.max(1, predictions.length),
  };
}

export interface KindRate {
  kind: string;
  /** The label the kind's sentences carry (the first seen, should a kind carry several). */
  label: AuditVerdict;
  faulty: boolean;
  n: number;
  /** Faulty kinds: share flagged as anything but supported. Supported kinds: share kept supported. */
  detected: number;
  /** Share given exactly their label. */
  rightLabel: number;
}

/** Detection per kind, faulty kinds first, each group in name order. */
export function kindRates(predictions: readonly Prediction[]): KindRate[] {
  const byKind = new Map<string, Prediction[]>();
  for (const p of predictions) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  const rates = [...byKind].map(([kind, of]): KindRate => {
    const faulty = of.some((p) => p.label !== 'supported');
    const detected = of.filter((p) => (p.predicted === 'supported') !== faulty).length;
    return { kind, label: of[0]!.label, faulty, n: of.length, detected: detected / of.length, rightLabel: of.filter((p) => p.predicted === p.label).length / of.length };
  });
  return rates.sort((a, b) => Number(b.faulty) - Number(a.faulty) || a.kind.localeCompare(b.kind));
}
