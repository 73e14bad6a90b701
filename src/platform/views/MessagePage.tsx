import { Layout } from './Layout.tsx';
import type { ViewContext } from './context.ts';

/** A page that only says something: errors, confirmations, "check your mail". */
export function MessagePage({
  ctx,
  title,
  body,
  link,
}: {
  ctx: ViewContext;
  title: string;
  body: string;
  link?: { href: string; label: string };
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href={link?.href ?? '/'}>{link?.label ?? ctx.t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
