// The briefing: the run's stories in rank order, each with its articles, publishers and summary.
import type { RunResult } from '../model.js';

export function briefingMarkdown(result: RunResult, files: Map<string, string>): string {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map(result.summaries.map((s) => [s.articleId, s]));
  const stories = new Map(result.stories.map((s) => [s.id, s]));
  const lines: string[] = ['# Briefing', ''];
  const shown = new Set<string>();
  let number = 0;
  for (const candidate of result.candidates) {
    if (candidate.usage === 'duplicate' || shown.has(candidate.storyId)) continue;
    shown.add(candidate.storyId);
    const story = stories.get(candidate.storyId);
    const lead = articles.get(candidate.articleId)!;
    number++;
    lines.push(`## ${number}. ${story?.label ?? lead.title}`, '');
    if (story) lines.push(`Publishers: ${story.publishers.join(', ')}`, '');
    lines.push(summaries.get(lead.id)?.text ?? '', '');
    const members = result.candidates.filter((c) => c.storyId === candidate.storyId && c.usage !== 'duplicate');
    for (const member of members) {
      const a = articles.get(member.articleId)!;
      const link = a.url ? `[${escapeLink(a.title)}](${a.url})` : escapeLink(a.title);
      lines.push(`- ${link} (${a.publisherName}, rank ${member.rank}) [file](${files.get(a.id)})`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function escapeLink(text: string): string {
  return text.replace(/([[\]])/g, '\\$1');
}
