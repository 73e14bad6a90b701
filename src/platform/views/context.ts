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
  /**
   * Whether roles the person holds do not count in this session (their funder, or the installation, asks more of
   * its sign-in): every page then says so, since a list would otherwise just look empty.
   */
  rolesWithheld: boolean;
  /** The current path with its query, for the language switch to come back to. */
  path: string;
  csrfToken: () => string;
  flash: string | null;
}
