import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { PlaceListRow } from '../service.ts';
import { PlaceTable } from './ManagePlacesPage.tsx';
import { DirectoryStyles } from './placeBits.tsx';

/** An organisation's places of digital help, from its own space: it describes them, the funder publishes them. */
export function OrganisationPlacesPage({
  ctx,
  organisationId,
  rows,
}: {
  ctx: ViewContext;
  organisationId: string;
  rows: PlaceListRow[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('directory.org.title')}>
      <DirectoryStyles />
      <h1>{t('directory.org.title')}</h1>
      <p>{t('directory.org.intro')}</p>
      <p>
        <a class="button" href={`/organisations/${organisationId}/places/new`}>
          {t('directory.org.add')}
        </a>
      </p>
      <PlaceTable ctx={ctx} rows={rows} />
    </Layout>
  );
}
