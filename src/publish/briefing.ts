// The briefing: the run's stories in rank order, each with its articles, publishers and summary. A story
// carried by several articles gets a summary drawn from all of them, each sentence citing its article by
// its number in the story's list.
import type { RunResult } from '../model.js';
import { summarizeStory } from '../summarize/story.js';

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
    const members = result.candidates.filter((c) => c.storyId === candidate.storyId && c.usage !== 'duplicate');
    if (members.length > 1) {
      // Candidates are in rank order, so the lead article comes first and leads the summary.
      const memberArticles = members.map((m) => articles.get(m.articleId)!);
      const position = new Map(memberArticles.map((a, i) => [a.id, i + 1]));
      const summary = summarizeStory(memberArticles, { summaries });
      lines.push(summary.sentences.map((s) => `${s.text} [${position.get(s.articleId ?? '') ?? '?'}]`).join(' '), '');
    } else {
      lines.push(summaries.get(lead.id)?.text ?? '', '');
    }
    members.forEach((member, i) => {
      const a = articles.get(member.articleId)!;
      const link = a.url ? `[${escapeLink(a.title)}](${a.url})` : escapeLink(a.title);
      const marker = members.length > 1 ? `${i + 1}.` : '-';
      lines.push(`${marker} ${link} (${a.publisherName}, rank ${member.rank}) [file](${files.get(a.id)})`);
    });
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function escapeLink(text: string): string {
  return text.replace(/([[\]])/g, '\\$1');
}
