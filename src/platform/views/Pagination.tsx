import type { ViewContext } from './context.ts';

/** The 1-based page a query string asks for; anything unreadable is the first page. */
export function pageParam(value: string | undefined): number {
  return /^\d{1,5}$/.test(value ?? '') ? Math.max(1, Number(value)) : 1;
}

/**
 * Previous and next links under a long list, as plain links that keep the list's other query
 * parameters (its filters), so paging works from the keyboard and without JavaScript.
 */
export function Pagination({
  ctx,
  page,
  total,
  pageSize,
  query,
}: {
  ctx: ViewContext;
  page: number;
  total: number;
  pageSize: number;
  query: Record<string, string | undefined>;
}) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const kept = Object.entries(query).filter((e): e is [string, string] => !!e[1] && e[0] !== 'page');
  const href = (p: number) => `?${new URLSearchParams([...kept, ['page', String(p)]]).toString()}`;
  return (
    <nav aria-label={t('inbox.pages')} class="pagination">
      {page > 1 && <a href={href(page - 1)}>{t('inbox.previous')}</a>}
      <span>{t('inbox.pageOf', { page, pages })}</span>
      {page < pages && <a href={href(page + 1)}>{t('inbox.next')}</a>}
    </nav>
  );
}
