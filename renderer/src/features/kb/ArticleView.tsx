/**
 * One KB article in the playbook's template (problem, reproduction steps,
 * workaround, fix ETA, affected versions), with its owner, the review-due flag
 * and how searches found it; buttons insert a link or the workaround into the
 * reply at the caret.
 */
import { format } from 'date-fns';
import { useEffect, useRef } from 'react';
import type { KbArticle } from '../../../../core/kb';
import { isReviewDue, reviewDueAt } from '../../../../core/kb';
import { areaLabel } from './area-label';

interface Props {
  article: KbArticle;
  ownerName: string;
  now: number;
  viewsFromSearch: number;
  foundBy: readonly string[];
  onBack: () => void;
  onInsertLink: () => void;
  onInsertSnippet: () => void;
}

const day = (ms: number) => format(ms, 'd MMM yyyy');

export function ArticleView(props: Props) {
  const { article, ownerName, now, viewsFromSearch, foundBy, onBack, onInsertLink, onInsertSnippet } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const overdue = isReviewDue(article, now);
  useEffect(() => headingRef.current?.focus(), [article.id]);
  return (
    <article
      className="kb-article"
      aria-labelledby={`kb-${article.id}-title`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation(); // back to the results, not close the ticket
        onBack();
      }}
    >
      <div className="kb-article-bar">
        <button type="button" className="ghost" onClick={onBack}>
          ← Results
        </button>
        <span className="spacer" />
        <button type="button" className="action" onClick={onInsertLink}>
          Insert link
        </button>
        <button
          type="button"
          className="action"
          onClick={onInsertSnippet}
          disabled={!article.workaround.trim()}
        >
          Insert workaround
        </button>
      </div>
      <h3 id={`kb-${article.id}-title`} ref={headingRef} tabIndex={-1}>
        {article.title}
      </h3>
      <p className="kb-meta">
        {areaLabel(article.productArea)} · owner {ownerName} · reviewed {day(article.reviewedAt)}
        {overdue && (
          <strong className="review-due"> Review overdue (was due {day(reviewDueAt(article))})</strong>
        )}
      </p>
      <dl className="kb-template">
        <dt>Problem</dt>
        <dd>{article.problem || '—'}</dd>
        <dt>Reproduction steps</dt>
        <dd>
          {article.reproSteps.length === 0 ? (
            '—'
          ) : (
            <ol>
              {article.reproSteps.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          )}
        </dd>
        <dt>Workaround</dt>
        <dd className="kb-workaround">{article.workaround || '—'}</dd>
        <dt>Fix ETA</dt>
        <dd>{article.fixEta === null ? 'None planned' : day(article.fixEta)}</dd>
        <dt>Affected versions</dt>
        <dd>{article.affectedVersions.length ? article.affectedVersions.join(', ') : 'All'}</dd>
      </dl>
      {article.body && (
        <details className="kb-body">
          <summary>Full guidance</summary>
          <pre>{article.body}</pre>
        </details>
      )}
      <p className="kb-findability muted">
        Opened from a search {viewsFromSearch} time{viewsFromSearch === 1 ? '' : 's'}
        {foundBy.length > 0 && <> · found by “{foundBy.slice(0, 3).join('”, “')}”</>}
      </p>
    </article>
  );
}
