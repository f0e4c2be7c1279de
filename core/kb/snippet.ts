/**
 * What an agent inserts into a reply from an article: a link to the public
 * article, or a plain-text snippet of its workaround (customers see text, not
 * Markdown, and never the internal reproduction steps).
 */
import type { KbArticle } from './model';

export function articleUrl(article: Pick<KbArticle, 'id'>, baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(article.id)}`;
}

export function articleLink(article: Pick<KbArticle, 'id' | 'title'>, baseUrl: string): string {
  return `${article.title}: ${articleUrl(article, baseUrl)}`;
}

export function articleSnippet(
  article: Pick<KbArticle, 'title' | 'workaround' | 'fixEta'>,
  formatDate: (ms: number) => string,
): string {
  const lines = [article.workaround.trim()];
  if (article.fixEta !== null) lines.push(`A permanent fix is expected by ${formatDate(article.fixEta)}.`);
  return lines.filter((l) => l !== '').join(' ');
}
