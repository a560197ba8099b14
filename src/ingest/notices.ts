// Notes that recur per input file: many files with the same problem are one note, not one note each. A
// folder of 100,000 text files without URLs gave 100,000 notes, 18 MB held through the run and
// stored with it, that every reader then grouped again.

/** Files a grouped note names, by file name. */
export const GROUPED_EXAMPLES = 3;

/** The note for one article file (text or HTML) that has no URL. */
export function noUrlNotice(path: string, title: string): string {
  return `${path}: no URL known for "${title}"; pass --url when ingesting a single file`;
}

/** A note noUrlNotice wrote, its path first: notes gathered from several jobs are grouped again by it. */
export const NO_URL_NOTICE_RE = /^(.*): no URL known for "(.*)"; pass --url when ingesting a single file$/;

/** The one note that stands for `count` (two or more) article files without a URL, naming the first few. */
export function noUrlGroupNotice(count: number, paths: string[]): string {
  const names = paths.slice(0, GROUPED_EXAMPLES).map((p) => p.slice(p.lastIndexOf('/') + 1));
  return `${count} article files have no URL; pass --url (one file) or list them in a feed (${names.join(', ')}${count > GROUPED_EXAMPLES ? ', …' : ''})`;
}

/** Article files without a URL as a run meets them: a count and the first few, never one note each. */
export class NoUrlNotices {
  private count = 0;
  private first = '';
  private readonly paths: string[] = [];

  add(path: string, title: string): void {
    if (this.count === 0) this.first = noUrlNotice(path, title);
    this.count++;
    if (this.paths.length < GROUPED_EXAMPLES) this.paths.push(path);
  }

  /** No note, the file's own note, or the one note for all of them. */
  notices(): string[] {
    if (this.count === 0) return [];
    return [this.count === 1 ? this.first : noUrlGroupNotice(this.count, this.paths)];
  }
}
