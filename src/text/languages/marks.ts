// Quotation conventions several languages share.

/**
 * Guillemets, curly quotes and dialogue dashes as French, Spanish, Italian and Portuguese write them:
 * « … » may stand with spaces inside (French), a dialogue turn opens with a dash ("— Demain ?",
 * "—No lo sé"), and » or › closes after a space as well as right after the terminal.
 */
export const GUILLEMET_MARKS = {
  closingMarks: new Set(['»', '›', '”', '’', '"', "'", ')', ']']),
  spacedClosingMarks: new Set(['»', '›']),
  openingMarks: new Set(['«', '‹', '“', '‘', '"', "'", '(', '[', '—', '–']),
  spacedOpeningMarks: new Set(['«', '‹', '—', '–']),
} as const;
