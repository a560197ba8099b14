import { describe, it, expect } from 'vitest';
import {
  attributedToPronoun,
  endsInsideQuotation,
  hasAttribution,
  namesSpeaker,
  outsideQuotations,
  startsWithQuotation,
} from './quotes.js';

describe('quotations and speakers', () => {
  it('finds attribution only in the narrator’s words', () => {
    expect(hasAttribution('“We will rebuild,” Ms. Okafor said.')).toBe(true);
    expect(hasAttribution('“I said no to the plan.”')).toBe(false);
    expect(hasAttribution('According to the budget office, costs rose.')).toBe(true);
    expect(hasAttribution('The United States objected.')).toBe(false);
    expect(outsideQuotations('“A,” he said, “B.”')).not.toContain('A');
  });

  it('tells a pronoun speaker from a named one', () => {
    expect(attributedToPronoun('“Close the road,” she said.')).toBe(true);
    expect(attributedToPronoun('The road must close, said he.')).toBe(true);
    expect(attributedToPronoun('Mr. Brandt said he would appeal.')).toBe(false);
    expect(attributedToPronoun('“Close the road,” Ms. Voss said.')).toBe(false);
    expect(namesSpeaker('“Close the road,” Ms. Voss said.')).toBe(true);
    expect(namesSpeaker('Harbor officials said the road would close.')).toBe(true);
    expect(namesSpeaker('“Close the road,” she said.')).toBe(false);
    expect(namesSpeaker('They argued against the plan.')).toBe(false);
  });

  it('detects sentences that open with a quotation', () => {
    expect(startsWithQuotation('“Yes,” he said.')).toBe(true);
    expect(startsWithQuotation('He said “yes.”')).toBe(false);
  });

  it('tracks quotations that stay open across sentences', () => {
    expect(endsInsideQuotation('“We will rebuild the wall.', false)).toBe(true);
    expect(endsInsideQuotation('It will hold.', true)).toBe(true);
    expect(endsInsideQuotation('It will hold,” she said.', true)).toBe(false);
    expect(endsInsideQuotation('"We will rebuild.', false)).toBe(true);
    expect(endsInsideQuotation('It will hold," she said.', true)).toBe(false);
    expect(endsInsideQuotation('No quotation here.', false)).toBe(false);
  });
});
