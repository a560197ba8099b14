// Builds model Articles for unit tests from short, original fictional text.
import type { Article } from '../../src/model.js';

export function makeArticle(partial: Partial<Article> & Pick<Article, 'id' | 'title' | 'text'>): Article {
  return {
    url: '',
    byline: [],
    publisher: 'harborgazette',
    publisherName: 'Harbor Gazette',
    origin: { path: `/fixtures/${partial.id}.txt`, kind: 'text' },
    warnings: [],
    ...partial,
  };
}
