import type { ViewContext } from '../../../platform/views/context.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';

const LINKS: { href: string; label: MessageKey }[] = [
  { href: '/admin', label: 'admin.nav.funders' },
  { href: '/admin/people', label: 'admin.nav.people' },
  { href: '/admin/calls', label: 'admin.nav.calls' },
  { href: '/admin/audit', label: 'admin.nav.audit' },
  { href: '/admin/sign-in-providers', label: 'admin.nav.providers' },
  { href: '/admin/reference-population', label: 'admin.nav.referencePopulation' },
  { href: '/admin/installation-sign-in', label: 'admin.nav.installationSignIn' },
];

/** The administration's own navigation, on each of its pages. */
export function AdminNav({ ctx }: { ctx: ViewContext }) {
  const here = ctx.path.split('?')[0];
  return (
    <nav aria-label={ctx.t('admin.nav.label')} class="subnav">
      <ul>
        {LINKS.map((link) => (
          <li>
            <a href={link.href} aria-current={here === link.href ? 'page' : undefined}>
              {ctx.t(link.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
