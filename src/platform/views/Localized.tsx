import { localized, type Translated } from '../../domain/translated.ts';
import type { ViewContext } from './context.ts';

/**
 * A translated text in the page's language; when it falls back to another language it says so with
 * `lang`, so a screen reader reads it with the right voice (WCAG 3.1.2).
 */
export function Localized({ ctx, text }: { ctx: ViewContext; text: Translated }) {
  const shown = localized(text, ctx.locale);
  return shown.lang === ctx.locale ? <>{shown.text}</> : <span lang={shown.lang}>{shown.text}</span>;
}
