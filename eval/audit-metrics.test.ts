import { describe, expect, it } from 'vitest';
import { computeMetrics, kindRates, type Prediction } from './audit-metrics.js';

const p = (label: Prediction['label'], predicted: Prediction['predicted'], kind = 'x'): Prediction => ({ label, predicted, kind });

describe('computeMetrics', () => {
  it('computes per-label precision/recall, balanced accuracy and false alarms by hand-checked values', () => {
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
    expect(m.falseAlarms).toBe(0.5);
    expect(m.paraphraseFalseAlarms).toBe(0.5);
    expect(m.accuracy).toBeCloseTo(0.6);
  });
});

describe('kindRates', () => {
  it('counts a faulty kind as detected when flagged with any label, and a supported kind when kept', () => {
    const rates = kindRates([
      p('contradicted', 'contradicted', 'number'),
      p('contradicted', 'unsupported', 'number'),
      p('contradicted', 'supported', 'number'),
      p('supported', 'supported', 'combined'),
      p('supported', 'misattributed', 'combined'),
    ]);
    expect(rates.map((r) => r.kind)).toEqual(['number', 'combined']);
    expect(rates[0]).toMatchObject({ faulty: true, n: 3, label: 'contradicted' });
    expect(rates[0]!.detected).toBeCloseTo(2 / 3);
    expect(rates[0]!.rightLabel).toBeCloseTo(1 / 3);
    expect(rates[1]).toMatchObject({ faulty: false, n: 2, detected: 0.5, rightLabel: 0.5 });
  });
});
