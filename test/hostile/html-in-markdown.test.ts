// Issue 20, item 6: HTML from sources (a <script> in an article's text, a JSON-LD headline
// "</script><script>…") must not reach briefing.md or the article files raw, where a Markdown renderer
// would run it; the HTML briefing escapes everything. Fixtures: test/fixtures/hostile/script-article.txt
// and jsonld-headline.html.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFolder } from '../../eval/hostile/check.js';
import { articleMarkdown } from '../../src/publish/markdown.js';
import { summaryBody } from '../../src/audit/index.js';
import { makeArticle } from '../helpers/articles.js';
import { listFiles, REPO, runCli, tempDir } from '../helpers/cli.js';

const fixture = (name: string): string => join(REPO, 'test/fixtures/hostile', name);

describe('HTML from sources in Markdown outputs', () => {
  it('run: no raw markup in briefing.md or any article file, briefing.html escaped, summaries still audit', () => {
    const cwd = tempDir();
    const run = runCli(['run', '--out', 'out', '--db', 'desk.db', fixture('script-article.txt'), fixture('jsonld-headline.html')], cwd);
    expect(run.status).toBe(0);
    const out = join(cwd, 'out');
    expect(checkFolder(out)).toEqual([]);
    const briefing = readFileSync(join(out, 'briefing.md'), 'utf8');
    expect(briefing).toContain("read &lt;script&gt;alert('dunes')&lt;/script&gt; before");
    expect(briefing).toContain('## 1. Seawall plan goes to a vote\n');
    expect(readFileSync(join(out, 'briefing.html'), 'utf8')).toContain('&lt;script&gt;alert(&#39;dunes&#39;)&lt;/script&gt;');

    const files = listFiles(out).filter((f) => f.endsWith('.md') && f.startsWith('articles/'));
    expect(files).toHaveLength(2);
    const dune = readFileSync(join(out, files.find((f) => f.includes('dune'))!), 'utf8');
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(dune)![1]!) as { title: string };
    // The front matter still says exactly what the title is, to a YAML parser.
    expect(front.title).toBe('Dune fence <b>vote</b> set for Thursday');
    expect(summaryBody(dune)).toContain("read <script>alert('dunes')</script> before the clerk removed it on Monday. The fence would cost about 12,000 dollars & take");
    // audit reads the article file back: the escaped summary is still supported by its source.
    const audit = runCli(['audit', '--source', fixture('script-article.txt'), '--summary', join(out, files.find((f) => f.includes('dune'))!), '--json'], cwd);
    expect(audit.status).toBe(0);
  });

  it('the JSON-LD headline loses its markup; a byline keeps its words, escaped in YAML', () => {
    const cwd = tempDir();
    runCli(['run', '--out', 'out', '--db', 'desk.db', fixture('jsonld-headline.html')], cwd);
    const file = listFiles(join(cwd, 'out')).find((f) => f.startsWith('articles/') && f.endsWith('.md'))!;
    const text = readFileSync(join(cwd, 'out', file), 'utf8');
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as { title: string; byline: string[] };
    expect(front.title).toBe('Seawall plan goes to a vote');
    expect(front.byline).toEqual(['Ines <img src=x onerror=alert(1)> Marlow']);
    expect(text).not.toMatch(/<[a-z/]/i);
  });

  it('articleMarkdown escapes a hostile title, byline and summary however they reached it', () => {
    const article = makeArticle({ id: 'x1', title: '</script><script>alert(1)</script> Pier <i>news</i>', text: 'x', byline: ['<svg onload=alert(1)>'], url: 'https://www.ternisland.example/x1' });
    const markdown = articleMarkdown({
      article,
      candidate: { articleId: 'x1', storyId: 's-1', score: 1, components: [], initialRank: 1, rank: 1, usage: 'candidate' },
      summary: { articleId: 'x1', text: 'The pier <iframe src="https://evil.example/"></iframe> reopened & fishing resumed.', sentences: [], wordCount: 6, method: 'test' },
    });
    expect(markdown).not.toMatch(/<[a-z/!?]/i);
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as { title: string; byline: string[] };
    expect(front.title).toBe(article.title);
    expect(front.byline).toEqual(['<svg onload=alert(1)>']);
    expect(summaryBody(markdown)).toBe('The pier <iframe src="https://evil.example/"></iframe> reopened & fishing resumed.');
  });
});
