import { describe, expect, it } from 'vitest';
import { computeMetrics, type Prediction } from './audit-metrics.js';

describe('computeMetrics', () => {
  it('computes per-label precision/recall, balanced accuracy and paraphrase false alarms by hand-checked values', () => {
    const p = (label: Prediction['label'], predicted: Prediction['predicted'], kind = 'x'): Prediction => ({ label, predicted, kind });
    const m = computeMetrics([
      p('supported', 'supported', 'paraphrase'),
      p('supported', 'misattributed', 'paraphrase'),
      p('misattributed', 'misattributed'),
      p('contradicted', 'unsupported'),
      p('unsupported', 'unsupported'),
    ]);
    expect(m.perLabel.supported).toEqual({ precision: 1, recall: 0.5, support: 2 });
    expect(m.perLabel.misattributed).toEqual({ precision: 0.5, recall: 1, support: 1 });
    expect(m.perLabel.unsupported.precision).toBe(0.5);
    // Mean recall over the four labels: (0.5 + 1 + 0 + 1) / 4.
    expect(m.balancedAccuracy).toBeCloseTo(0.625);
    // Faithful kept 1/2, unfaithful flagged 3/3.
    expect(m.binaryBalancedAccuracy).toBeCloseTo(0.75);
    expect(m.paraphraseFalseAlarms).toBe(0.5);
    expect(m.accuracy).toBeCloseTo(0.6);
  });
});
