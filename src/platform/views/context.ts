import type { MaybeActor, NavigationAbilities } from '../../domain/access.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Translate } from '../i18n/i18n.ts';

/** What every page needs to render: the reader's language, who they are, and the form token. */
export interface ViewContext {
  locale: Locale;
  t: Translate;
  actor: MaybeActor;
  /** What the navigation offers this person, decided once per request. */
  nav: NavigationAbilities;
  displayName: string | null;
  /** The current path with its query, for the language switch to come back to. */
  path: string;
  csrfToken: () => string;
  flash: string | null;
}
