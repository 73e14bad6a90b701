import { colon } from '../../../platform/i18n/i18n.ts';
import type { ComponentChildren } from 'preact';
import { intlLocale, type Locale } from '../../../domain/locale.ts';
import { DIGCOMP_AREAS } from '../../../domain/referenceData.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { CallForManagement, Term } from '../../calls/service.ts';
import { CallPageNav } from '../../calls/views/CallNav.tsx';
import type { Expertise } from '../schema.ts';

/** The officer's jury pages: back to the call, and the three pages of its jury. */
export function JuryNav({
  ctx,
  managed,
  current,
}: {
  ctx: ViewContext;
  managed: CallForManagement;
  current: 'members' | 'settings' | 'assignment';
}) {
  const { t } = ctx;
  const base = `/manage/calls/${managed.call.id}/jury`;
  const links = [
    { key: 'members', href: base, label: t('jury.nav.members') },
    { key: 'assignment', href: `${base}/assignment`, label: t('jury.nav.assignment') },
    { key: 'settings', href: `${base}/settings`, label: t('jury.nav.settings') },
  ] as const;
  return (
    <>
      <CallPageNav ctx={ctx} call={managed.call} />
      <nav aria-label={t('jury.nav.label')} class="main-nav">
        <ul>
          {links.map((l) => (
            <li>
              <a href={l.href} aria-current={l.key === current ? 'page' : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** A message about the whole page (a refused action), announced to screen readers. */
export function Notice({
  ctx,
  notice,
}: {
  ctx: ViewContext;
  notice: { key: MessageKey; values?: Record<string, string | number> } | undefined;
}) {
  if (!notice) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{ctx.t(notice.key, notice.values)}</p>
    </div>
  );
}

/** A juror's expertise in words: publics, activity types, DigComp areas, languages. */
export function ExpertiseSummary({
  ctx,
  expertise,
  publics,
  activityTypes,
}: {
  ctx: ViewContext;
  expertise: Expertise;
  publics: readonly Term[];
  activityTypes: readonly Term[];
}) {
  const { t, locale } = ctx;
  const label = (terms: readonly Term[], key: string) => {
    const term = terms.find((x) => x.key === key);
    return term ? inLocale(term.label, locale) : key;
  };
  const parts: ComponentChildren[] = [];
  const line = (name: MessageKey, values: string[]) =>
    values.length && parts.push(<li>{`${t(name)}${colon(locale)} ${values.join(', ')}`}</li>);
  line(
    'jury.expertise.publics',
    expertise.targetPublics.map((k) => label(publics, k)),
  );
  line(
    'jury.expertise.activities',
    expertise.activityTypes.map((k) => label(activityTypes, k)),
  );
  line(
    'jury.expertise.digcomp',
    expertise.digcompAreas.map((id) => inLocale(DIGCOMP_AREAS.find((a) => a.id === id)?.label ?? { fr: id }, locale)),
  );
  line(
    'jury.expertise.languages',
    expertise.languages.map((l) => t(`jury.language.${l}` as MessageKey)),
  );
  return parts.length ? <ul>{parts}</ul> : <span>—</span>;
}

/** Affinity in [0, 1] as people read it: a percentage. */
export function formatAffinity(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A sum of affinities (an application's total, the objective, the bound), with two decimals. */
export function formatTotal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value,
  );
}
