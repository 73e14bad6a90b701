import { colon } from '../../../platform/i18n/i18n.ts';
import { labelOf } from '../../../domain/directory/codelist.ts';
import { SERVICES } from '../../../domain/directory/mediationCodelists.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Localized } from '../../../platform/views/Localized.tsx';
import type { SearchRequest } from '../forms.ts';
import type { SearchResult } from '../service.ts';
import { addressLine, communeName, phoneText, StatusLine } from './placeBits.tsx';

/** Places on the printed sheet: what fits on one A4 page with their essentials. */
export const PRINTED_PLACES = 8;

/**
 * The one-page sheet a social worker prints and hands over: the places of a search, nearest first,
 * each with its address, phone and hours today; no navigation, and the address to find more.
 */
export function PrintPage({
  ctx,
  request,
  result,
  now,
  searchUrl,
}: {
  ctx: ViewContext;
  request: SearchRequest;
  result: SearchResult;
  now: Date;
  searchUrl: string;
}) {
  const { t, locale } = ctx;
  const f = request.filters;
  const what = [
    f.commune ? communeName(f.commune, locale) : null,
    ...(f.services ?? []).map((s) => labelOf(SERVICES, s, locale)),
  ].filter(Boolean);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('directory.print.title')} — ${t('site.name')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/directory.css" />
      </head>
      <body>
        <main class="print-sheet">
          <h1>{t('directory.print.title')}</h1>
          <p>
            {t('directory.print.search')} {what.length ? what.join(' · ') : t('directory.print.everything')}
          </p>
          <p class="no-print">
            {t('directory.print.button')} <a href={searchUrl}>{t('directory.place.back')}</a>
          </p>
          <ul class="places">
            {result.hits.slice(0, PRINTED_PLACES).map(({ place, status }) => (
              <li>
                <h2>{place.name}</h2>
                <p>{addressLine(place, locale)}</p>
                {phoneText(place) && (
                  <p>
                    {t('directory.place.phone')}
                    {colon(locale)} {phoneText(place)}
                  </p>
                )}
                <StatusLine ctx={ctx} status={status} now={now} />
                <p>
                  <Localized ctx={ctx} text={place.summary} />
                </p>
              </li>
            ))}
          </ul>
          <p>{t('directory.print.more', { url: searchUrl })}</p>
          <p>{t('directory.print.printed', { date: formatInstant(now, locale, 'date') })}</p>
        </main>
      </body>
    </html>
  );
}
