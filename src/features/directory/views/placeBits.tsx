import { colon } from '../../../platform/i18n/i18n.ts';
import { LANGUAGES } from '../../../domain/directory/brusselsCodelists.ts';
import { labelOf } from '../../../domain/directory/codelist.ts';
import { SERVICES } from '../../../domain/directory/mediationCodelists.ts';
import { statusInWords, type OpeningStatus } from '../../../domain/directory/openingStatus.ts';
import { formatBelgianPhone } from '../../../domain/directory/phoneNumber.ts';
import type { Place } from '../../../domain/directory/place.ts';
import type { SearchHit } from '../../../domain/directory/placeSearch.ts';
import type { Locale } from '../../../domain/locale.ts';
import { communeByNis } from '../../../domain/referenceData.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Localized } from '../../../platform/views/Localized.tsx';

/** A commune's name in the page's language (its Dutch name on a Dutch page, else its French one). */
export function communeName(nis: string, locale: Locale): string {
  const commune = communeByNis(nis);
  if (!commune) return nis;
  return locale === 'nl' ? commune.nl : commune.fr;
}

export function addressLine(place: Place, locale: Locale): string {
  const { street, complement, postalCode, communeNis } = place.address;
  return [street, complement, `${postalCode} ${communeName(communeNis, locale)}`].filter(Boolean).join(', ');
}

/** "Open now, closes at 17:00" / "Closed, opens Tuesday at 9:00", worked out on the server in Brussels time. */
export function StatusLine({ ctx, status, now }: { ctx: ViewContext; status: OpeningStatus | null; now: Date }) {
  if (!status) return null;
  const words = statusInWords(status, now, ctx.locale);
  return <p class={status.state === 'open' ? 'open' : 'closed'}>{words.text}</p>;
}

export function phoneText(place: Place): string | null {
  return place.phone ? formatBelgianPhone(place.phone) : null;
}

/** One place in a list of results: name, where, open now, what it helps with, its phone. */
export function PlaceHit({
  ctx,
  hit,
  now,
  heading = 'h3',
}: {
  ctx: ViewContext;
  hit: SearchHit;
  now: Date;
  heading?: 'h2' | 'h3';
}) {
  const { place } = hit;
  const H = heading;
  const phone = phoneText(place);
  return (
    <li>
      <H>
        <a href={`/help/places/${encodeURIComponent(place.id)}`}>{place.name}</a>
      </H>
      {hit.distance !== null && Number.isFinite(hit.distance) && (
        <p class="near">{ctx.t('directory.results.distance', { distance: Math.min(hit.distance, 2) })}</p>
      )}
      <p>{addressLine(place, ctx.locale)}</p>
      <StatusLine ctx={ctx} status={hit.status} now={now} />
      <p>
        <Localized ctx={ctx} text={place.summary} />
      </p>
      <p>
        {place.services.map((s) => labelOf(SERVICES, s, ctx.locale)).join(' · ')}
        {' — '}
        {place.languages.map((l) => labelOf(LANGUAGES, l, ctx.locale)).join(', ')}
      </p>
      {phone && (
        <p>
          {ctx.t('directory.place.phone')}
          {colon(ctx.locale)} <a href={`tel:${place.phone}`}>{phone}</a>
        </p>
      )}
    </li>
  );
}

/** A directory page's own stylesheet (allowed in the body): the Layout stays the one every page shares. */
export function DirectoryStyles() {
  return <link rel="stylesheet" href="/static/directory.css" />;
}
