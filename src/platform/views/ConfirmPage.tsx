import type { ComponentChildren } from 'preact';
import { Layout } from './Layout.tsx';
import type { ViewContext } from './context.ts';
import { Form } from './forms.tsx';

/**
 * The step before an act that cannot be taken back (revoking a role, publishing results): what will
 * happen, a button that does it, and a way back. Works without JavaScript.
 */
export function ConfirmPage({
  ctx,
  title,
  body,
  action,
  confirmLabel,
  cancelHref,
  children,
}: {
  ctx: ViewContext;
  title: string;
  body: string;
  action: string;
  confirmLabel: string;
  cancelHref: string;
  /** Fields the act needs (a reason), inside the form. */
  children?: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <Form ctx={ctx} action={action}>
        {children}
        <p class="actions">
          <button type="submit">{confirmLabel}</button> <a href={cancelHref}>{ctx.t('confirm.cancel')}</a>
        </p>
      </Form>
    </Layout>
  );
}
