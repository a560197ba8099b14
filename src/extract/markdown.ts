// Body blocks → Markdown for `newsdesk extract --format markdown`: headings, list items and quotes keep
// their structure and links stay links (`linked`, from textBlocks with `links`); other inline
// formatting is dropped (an editor pastes the text, not the page's styling).
// Written here rather than with a converter library: the blocks are already extracted, and what is
// left is one prefix per block.
import type { TextBlock } from './html-text.js';

/** Characters that would start Markdown syntax at the beginning of a plain paragraph. */
const LEADING_MARKER = /^([#>*+-])(\s)/;
const LEADING_NUMBER = /^(\d+)([.)])(\s)/;

export function blocksToMarkdown(blocks: readonly TextBlock[]): string {
  const out: string[] = [];
  let ordinal = 0;
  for (const block of blocks) {
    const heading = /^h([1-6])$/.exec(block.tag);
    const text = block.linked ?? block.text;
    let line: string;
    if (heading) line = `${'#'.repeat(Number(heading[1]))} ${text}`;
    else if (block.tag === 'li') line = block.list === 'ol' ? `${++ordinal}. ${text}` : `- ${text}`;
    else if (block.tag === 'pre') line = `\`\`\`\n${block.text}\n\`\`\``;
    else line = text.replace(LEADING_MARKER, '\\$1$2').replace(LEADING_NUMBER, '$1\\$2$3');
    if (block.tag !== 'li') ordinal = 0;
    out.push(block.quoteDepth > 0 ? line.split('\n').map((l) => `${'> '.repeat(block.quoteDepth)}${l}`.trimEnd()).join('\n') : line);
  }
  return out.join('\n\n');
}
