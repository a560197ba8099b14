// The labels and kinds of the labelled audit sets (eval/audit/heldout/README.md, "Labelling rules"): one
// list for the sets' stats scripts and the tests that check the sets.

/** Every fault kind, with the label the rules give it. */
export const LABEL_OF_KIND = {
  speaker: 'misattributed', overgeneralization: 'misattributed', coreference: 'misattributed', entity: 'misattributed',
  number: 'contradicted', 'circumstance-time': 'contradicted', 'circumstance-place': 'contradicted',
  negation: 'contradicted', modality: 'contradicted', role: 'contradicted', predicate: 'contradicted',
  'quote-not-verbatim': 'contradicted',
  'out-of-article': 'unsupported', discourse: 'unsupported',
};
export const SUPPORTED_KINDS = ['verbatim', 'paraphrase', 'pronoun-attribution', 'combined', 'according-to',
  'social-media', 'reported-speech', 'compression'];
export const LABELS = ['supported', 'unsupported', 'misattributed', 'contradicted'];
export const FAULTY_KINDS = Object.keys(LABEL_OF_KIND);

/**
 * What is wrong with one labelled summary sentence (`at` names it in the messages): unknown fields, no text,
 * a label or kind outside the taxonomy, a kind under another label, a faulty sentence without the note that
 * says what is wrong, a supported one with a note.
 */
export function summaryItemErrors(item, at) {
  const errors = [];
  for (const k of Object.keys(item)) if (!['text', 'label', 'kind', 'note'].includes(k)) errors.push(`${at}: unknown field ${k}`);
  if (typeof item.text !== 'string' || !item.text.trim()) errors.push(`${at}: no text`);
  if (!LABELS.includes(item.label)) errors.push(`${at}: bad label ${item.label}`);
  if (item.label === 'supported') {
    if (!SUPPORTED_KINDS.includes(item.kind)) errors.push(`${at}: bad supported kind ${item.kind}`);
    if (item.note !== undefined) errors.push(`${at}: supported sentence with a note`);
  } else {
    if (LABEL_OF_KIND[item.kind] !== item.label) errors.push(`${at}: kind ${item.kind} does not map to ${item.label}`);
    if (typeof item.note !== 'string' || !item.note.trim()) errors.push(`${at}: faulty sentence without note`);
  }
  return errors;
}
