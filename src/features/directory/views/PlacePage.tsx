import { FUNDER_LABELS, LANGUAGES } from '../../../domain/directory/brusselsCodelists.ts';
import { labelOf, type CodeList } from '../../../domain/directory/codelist.ts';
import {
  ACCESS_MODES,
  FEES,
  HELP_MODES,
  MOBILITY,
  PUBLICS,
  SERVICES,
  SUPPORTS,
} from '../../../domain/directory/mediationCodelists.ts';
import { hoursInWords } from '../../../domain/directory/openingHoursWords.ts';
import { formatCalendarDate } from '../../../domain/brusselsTime.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import { Localized } from '../../../platform/views/Localized.tsx';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { PublicPlace } from '../service.ts';
import { addressLine, DirectoryStyles, phoneText, StatusLine } from './placeBits.tsx';

function Row({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function codes<K extends string>(list: CodeList<K>, keys: readonly K[], ctx: ViewContext): string {
  return keys.map((k) => labelOf(list, k, ctx.locale)).join(', ');
}

/** A place's own page, at a stable address: what it offers, where, when it is open (in words), how to reach it. */
export function PlacePage({ ctx, data, now }: { ctx: ViewContext; data: PublicPlace; now: Date }) {
  const { t, locale } = ctx;
  const { place, state } = data.scoped.record;
  const phone = phoneText(place);
  const words = data.hours ? hoursInWords(data.hours.rules, locale) : null;
  const stepFree =
    place.stepFree === null
      ? t('directory.place.stepFreeUnknown')
      : place.stepFree
        ? t('directory.place.stepFreeYes')
        : t('directory.place.stepFreeNo');
  return (
    <Layout ctx={ctx} title={place.name}>
      <DirectoryStyles />
      <p class="no-print">
        <a href="/help">{t('directory.place.back')}</a>
      </p>
      <h1>{place.name}</h1>
      {state !== 'published' && (
        <p class="needs-check">
          {t('directory.place.notPublic', { state: t(`directory.state.${state}` as MessageKey) })}
        </p>
      )}
      <StatusLine ctx={ctx} status={data.status} now={now} />
      <p class="help-lead">
        <Localized ctx={ctx} text={place.summary} />
      </p>
      {place.details && (
        <p>
          <Localized ctx={ctx} text={place.details} />
        </p>
      )}
      <h2>{t('directory.place.hours')}</h2>
      {words ? (
        <>
          <ul>
            {words.lines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          {!words.exact && (
            <p>
              {t('directory.place.hoursAsWritten')} <code>{data.hours!.text}</code>
            </p>
          )}
        </>
      ) : (
        <p>{t('directory.place.noHours')}</p>
      )}
      <h2>{t('directory.place.contact')}</h2>
      <dl class="facts">
        {place.organisation && <Row label={t('directory.place.organisation')}>{place.organisation}</Row>}
        <Row label={t('directory.place.address')}>{addressLine(place, locale)}</Row>
        {phone && (
          <Row label={t('directory.place.phone')}>
            <a href={`tel:${place.phone}`}>{phone}</a>
          </Row>
        )}
        {place.emails.map((email) => (
          <Row label={t('directory.place.email')}>
            <a href={`mailto:${email}`}>{email}</a>
          </Row>
        ))}
        {place.websites.map((url) => (
          <Row label={t('directory.place.website')}>
            <a href={url}>{url}</a>
          </Row>
        ))}
        {place.bookingUrl && (
          <Row label={t('directory.place.booking')}>
            <a href={place.bookingUrl}>{place.bookingUrl}</a>
          </Row>
        )}
      </dl>
      <h2>{t('directory.place.services')}</h2>
      <ul>
        {place.services.map((s) => (
          <li>{labelOf(SERVICES, s, locale)}</li>
        ))}
      </ul>
      <dl class="facts">
        <Row label={t('directory.place.publics')}>
          {place.publics.length ? codes(PUBLICS, place.publics, ctx) : t('directory.place.everyone')}
        </Row>
        {place.supports.length > 0 && (
          <Row label={t('directory.place.supports')}>{codes(SUPPORTS, place.supports, ctx)}</Row>
        )}
        <Row label={t('directory.place.languages')}>{codes(LANGUAGES, place.languages, ctx)}</Row>
        {place.fees.length > 0 && <Row label={t('directory.place.fees')}>{codes(FEES, place.fees, ctx)}</Row>}
        {place.accessModes.length > 0 && (
          <Row label={t('directory.place.accessModes')}>{codes(ACCESS_MODES, place.accessModes, ctx)}</Row>
        )}
        {place.helpModes.length > 0 && (
          <Row label={t('directory.place.helpModes')}>{codes(HELP_MODES, place.helpModes, ctx)}</Row>
        )}
        {place.mobility.length > 0 && (
          <Row label={t('directory.place.mobility')}>{codes(MOBILITY, place.mobility, ctx)}</Row>
        )}
        <Row label={t('directory.place.stepFree')}>{stepFree}</Row>
        {place.funderLabels.length > 0 && (
          <Row label={t('directory.place.labels')}>{codes(FUNDER_LABELS, place.funderLabels, ctx)}</Row>
        )}
      </dl>
      {place.grantReference && <p>{t('directory.place.grant', { reference: place.grantReference })}</p>}
      <p>{t('directory.place.checkedOn', { date: formatCalendarDate(place.checkedOn, locale) })}</p>
    </Layout>
  );
}
