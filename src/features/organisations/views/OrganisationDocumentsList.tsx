import { colon } from '../../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';

/** An organisation's standing documents as officers read them beside one of its applications. */
export function OrganisationDocumentsList({
  ctx,
  documents,
}: {
  ctx: ViewContext;
  documents: { kind: string; name: string; href: string }[];
}) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="org-documents-title">
      <h2 id="org-documents-title">{t('organisation.documents')}</h2>
      {documents.length === 0 ? (
        <p>{t('organisation.noDocuments')}</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li>
              {t(`organisation.document.${d.kind}` as MessageKey)}
              {colon(locale)} <a href={d.href}>{d.name}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
