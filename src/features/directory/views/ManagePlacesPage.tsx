import { formatCalendarDate } from '../../../domain/brusselsTime.ts';
import { PLACE_STATES, type PlaceState } from '../../../domain/directory/placeLifecycle.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { PlaceListRow } from '../service.ts';
import { communeName, DirectoryStyles } from './placeBits.tsx';

/** A table of places with their state, owner and last check; shared by the officers' and an organisation's page. */
export function PlaceTable({ ctx, rows }: { ctx: ViewContext; rows: PlaceListRow[] }) {
  const { t, locale } = ctx;
  if (!rows.length) return <p>{t('directory.manage.none')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('directory.manage.name')}</th>
            <th scope="col">{t('directory.manage.commune')}</th>
            <th scope="col">{t('directory.manage.state')}</th>
            <th scope="col">{t('directory.manage.owner')}</th>
            <th scope="col">{t('directory.manage.checked')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ scoped, funderName, needsCheck }) => {
            const { place, state } = scoped.record;
            return (
              <tr>
                <td>
                  <a href={`/manage/places/${encodeURIComponent(place.id)}`}>{place.name}</a>
                </td>
                <td>{communeName(place.address.communeNis, locale)}</td>
                <td>{t(`directory.state.${state}` as MessageKey)}</td>
                <td>{place.organisation ?? inLocale(funderName, locale)}</td>
                <td>
                  {formatCalendarDate(place.checkedOn, locale)}
                  {needsCheck && (
                    <>
                      {' '}
                      <span class="needs-check">{t('directory.manage.needsCheck')}</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The officers' list: places by state, the ones not checked for a year flagged. */
export function ManagePlacesPage({
  ctx,
  rows,
  state,
}: {
  ctx: ViewContext;
  rows: PlaceListRow[];
  state: PlaceState | null;
}) {
  const { t } = ctx;
  const stale = rows.filter((r) => r.needsCheck).length;
  return (
    <Layout ctx={ctx} title={t('directory.manage.title')} wide>
      <DirectoryStyles />
      <h1>{t('directory.manage.title')}</h1>
      <p>{t('directory.manage.intro')}</p>
      <p class="actions">
        <a class="button" href="/manage/places/new">
          {t('directory.manage.add')}
        </a>
        <a class="button secondary" href="/manage/places/import">
          {t('directory.manage.import')}
        </a>
      </p>
      <nav aria-label={t('directory.manage.filter')}>
        <ul class="tags">
          <li>
            <a href="/manage/places" aria-current={state === null ? 'page' : undefined}>
              {t('directory.manage.all')}
            </a>
          </li>
          {PLACE_STATES.map((s) => (
            <li>
              <a href={`/manage/places?state=${s}`} aria-current={state === s ? 'page' : undefined}>
                {t(`directory.state.${s}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {stale > 0 && <p class="needs-check">{t('directory.manage.needsCheckCount', { count: stale })}</p>}
      <PlaceTable ctx={ctx} rows={rows} />
    </Layout>
  );
}
