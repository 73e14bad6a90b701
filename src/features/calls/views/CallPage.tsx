import { isBeforeDeadline } from '../../../domain/brusselsTime.ts';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { PublicCall } from '../service.ts';
import { CallFacts } from './CallFacts.tsx';

export function CallPage({ ctx, call }: { ctx: ViewContext; call: PublicCall }) {
  const title = inLocale(call.title, ctx.locale);
  const open = call.status === 'published' && !!call.closesAt && isBeforeDeadline(new Date(), call.closesAt);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        {ctx.t('call.funder')}: {inLocale(call.funderName, ctx.locale)}
      </p>
      <h1>{title}</h1>
      <p>
        <strong>{inLocale(call.summary, ctx.locale)}</strong>
      </p>
      <CallFacts ctx={ctx} call={call} />
      {open && (
        <p>
          <a class="button" href={`/calls/${call.id}/apply`}>
            {ctx.t('call.apply')}
          </a>
        </p>
      )}
      {inLocale(call.description, ctx.locale)
        .split(/\n{2,}/)
        .map((paragraph) => (
          <p>{paragraph}</p>
        ))}
    </Layout>
  );
}
