import type { ViewContext } from '../../../platform/views/context.ts';

/** The grants' pages of a call, beside its other pages (the call's steps link here too). */
export function GrantsNav({ ctx, callId }: { ctx: ViewContext; callId: string }) {
  const { t } = ctx;
  const here = ctx.path.split('?')[0];
  const links = [
    { href: `/manage/calls/${callId}/grants`, label: t('grants.list.title') },
    { href: `/manage/calls/${callId}/payments`, label: t('grants.payments.title') },
    { href: `/manage/calls/${callId}/agreement-template`, label: t('grants.template.title') },
    { href: `/manage/calls/${callId}/report-plan`, label: t('reports.plan.title') },
    { href: `/manage/calls/${callId}/decision`, label: t('decisions.decision.title') },
  ];
  return (
    <nav aria-label={t('grants.nav.label')}>
      <ul class="inline-list">
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={here === l.href ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
