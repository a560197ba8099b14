// English abbreviation tables for the sentence splitter (languages/en.ts; the other languages keep theirs
// in their own files). Kept apart from the scanner so an editor can add a newsroom's house abbreviations
// without reading the scanning code. Entries are written without the
// final period and matched case-sensitively ("No." the abbreviation is not "no." the word), except that
// an all-caps token from a dateline ("ST. LOUIS") is also looked up in title case.

/**
 * Abbreviations that in news copy are followed by a name or a number ("Mr. Rubio", "Jan. 5", "No. 3"),
 * so a period after them never ends a sentence. A sentence that truly ends on one is rare enough that
 * merging two sentences is the cheaper mistake than cutting a name off its title.
 */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Titles and ranks.
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Rev', 'Hon', 'Pres', 'Gov', 'Sen', 'Rep', 'Atty', 'Supt',
  'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt', 'Cpl', 'Pvt', 'Det', 'Insp', 'Amb', 'Msgr', 'Asst',
  // Numbers, comparisons and references.
  'No', 'Nos', 'vs', 'v', 'approx', 'Fig', 'Vol', 'pp', 'cf',
  // Months as AP style abbreviates them before a day ("Sept. 3").
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  // Places that precede a name.
  'Mt', 'Ft',
]);

/**
 * Abbreviations that often sit at the very end of a sentence ("…a unit of Acme Inc.", "…at 9 a.m.").
 * After one of these (and after dotted acronyms like U.S. and single initials like the J. in J. R.) we
 * split only when the next word is a common sentence opener: "in the U.S. The plan…" splits, while
 * "the U.S. Navy" and "J. R. Talley" do not. The opener list is a heuristic; a proper noun after a
 * sentence-final "U.S." is missed, which keeps two sentences together rather than breaking a name.
 */
export const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Dept', 'St', 'Ave', 'Blvd', 'Rd', 'Univ',
]);

/**
 * References written before their number ("Sec. 4", "Art. 12"): a period between the two ends nothing.
 * "etc." is in no list: it closes a series, and a capital after it opens the next sentence.
 */
export const BEFORE_NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['Sec', 'Secs', 'Art', 'Ch', 'Para']);

/**
 * Words that commonly open a news sentence. Used only to decide whether a sentence-final abbreviation
 * (see above) ends the sentence; titles are included because "…in the U.S. Mr. Rubio said…" is a new
 * sentence far more often than a name.
 */
export const COMMON_SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our',
  'This', 'That', 'These', 'Those', 'There', 'But', 'And', 'Or', 'So', 'Yet', 'Still', 'However',
  'In', 'On', 'At', 'For', 'By', 'As', 'After', 'Before', 'When', 'While', 'If', 'Since', 'Although',
  'Some', 'Many', 'Most', 'Officials', 'Mr', 'Mrs', 'Ms', 'Dr',
]);
