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
