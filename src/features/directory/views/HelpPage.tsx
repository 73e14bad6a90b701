import { LANGUAGES } from '../../../domain/directory/brusselsCodelists.ts';
import { PUBLICS, SERVICES } from '../../../domain/directory/mediationCodelists.ts';
import { COMMUNES } from '../../../domain/referenceData.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import { queryOf, type SearchRequest } from '../forms.ts';
import type { SearchResult } from '../service.ts';
import { DirectoryStyles, PlaceHit } from './placeBits.tsx';

function Check({ name, checked, label }: { name: string; checked: boolean; label: string }) {
  const id = `filter-${name}`;
  return (
    <div class="choice">
      <input type="checkbox" id={id} name={name} value="1" checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** The public search: where, what, for whom, which language, and a few yes/no filters; results below, a page at a time. */
export function HelpPage({
  ctx,
  request,
  result,
  now,
}: {
  ctx: ViewContext;
  request: SearchRequest;
  result: SearchResult;
  now: Date;
}) {
  const { t, locale } = ctx;
  const f = request.filters;
  const service = f.services?.length === 1 ? f.services[0] : '';
  const query = (page?: number) => queryOf(f, { q: request.where, ...(page ? { page } : {}) });
  const datalist = COMMUNES.map((c) => (locale === 'nl' ? c.nl : c.fr));
  return (
    <Layout ctx={ctx} title={t('directory.title')}>
      <DirectoryStyles />
      <h1>{t('directory.title')}</h1>
      <p class="help-lead">{t('directory.intro')}</p>
      <a class="big-link" href="/help/guide">
        {t('directory.guide.link')}
      </a>
      <form method="get" action="/help" class="help-form" role="search" aria-labelledby="search-heading">
        <h2 id="search-heading">{t('directory.search.heading')}</h2>
        <div class="field">
          <label for="field-q">{t('directory.search.where')}</label>
          <p class="hint" id="field-q-hint">
            {t('directory.search.whereHint')}
          </p>
          <input
            id="field-q"
            name="q"
            type="text"
            value={request.where}
            aria-describedby="field-q-hint"
            list="communes"
            autocomplete="postal-code"
          />
          <datalist id="communes">
            {datalist.map((name) => (
              <option value={name} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="field-service">{t('directory.search.need')}</label>
          <select id="field-service" name="service">
            <option value="">{t('directory.search.anyNeed')}</option>
            {SERVICES.map((s) => (
              <option value={s.key} selected={s.key === service}>
                {s.label[locale]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-public">{t('directory.search.public')}</label>
          <select id="field-public" name="public">
            <option value="">{t('directory.search.anyPublic')}</option>
            {PUBLICS.map((p) => (
              <option value={p.key} selected={p.key === f.public}>
                {p.label[locale]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-language">{t('directory.search.language')}</label>
          <select id="field-language" name="language">
            <option value="">{t('directory.search.anyLanguage')}</option>
            {LANGUAGES.map((l) => (
              <option value={l.key} selected={l.key === f.language}>
                {l.label[locale] === l.native ? l.native : `${l.label[locale]} (${l.native})`}
              </option>
            ))}
          </select>
        </div>
        {f.supports?.map((s) => (
          <input type="hidden" name="support" value={s} />
        ))}
        <fieldset>
          <legend>{t('directory.search.more')}</legend>
          <div class="choices">
            <Check name="free" checked={!!f.free} label={t('directory.search.free')} />
            <Check name="open" checked={!!f.openNow} label={t('directory.search.openNow')} />
            <Check name="weekend" checked={!!f.weekends} label={t('directory.search.weekends')} />
            <Check name="stepfree" checked={!!f.stepFree} label={t('directory.search.stepFree')} />
          </div>
        </fieldset>
        <button type="submit">{t('directory.search.submit')}</button>
      </form>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('directory.results.heading')}</h2>
        {request.whereUnknown && <p role="status">{t('directory.search.whereUnknown', { query: request.where })}</p>}
        <p>
          {t('directory.results.count', { count: result.total })}
          {result.total === 0 && ` ${t('directory.results.none')}`}
        </p>
        {result.total > 0 && (
          <p>
            <a href={`/help/print?${query()}`}>{t('directory.results.print')}</a>
          </p>
        )}
        <ul class="places">
          {result.hits.map((hit) => (
            <PlaceHit ctx={ctx} hit={hit} now={now} />
          ))}
        </ul>
        {result.pages > 1 && (
          <nav aria-label={t('directory.results.pages')} class="pagination">
            {result.page > 1 && <a href={`/help?${query(result.page - 1)}`}>{t('directory.results.previous')}</a>}
            <span>{t('directory.results.page', { page: result.page, pages: result.pages })}</span>
            {result.page < result.pages && (
              <a href={`/help?${query(result.page + 1)}`}>{t('directory.results.next')}</a>
            )}
          </nav>
        )}
      </section>
      <p>
        {t('directory.openData', { csv: 'CSV', json: 'JSON' })} <a href="/open-data/directory.csv">directory.csv</a> ·{' '}
        <a href="/open-data/directory.json">directory.json</a>
      </p>
    </Layout>
  );
}
