import type { UnmetRequirement } from '../../domain/signInAssurance.ts';
import type { MessageKey } from '../i18n/i18n.ts';

const FUNDER: Record<UnmetRequirement, MessageKey> = {
  'second-factor': 'account.withheld.secondFactor',
  provider: 'account.withheld.provider',
  acr: 'account.withheld.acr',
};
const INSTALLATION: Record<UnmetRequirement, MessageKey> = {
  'second-factor': 'account.withheld.installationSecondFactor',
  provider: 'account.withheld.installationProvider',
  acr: 'account.withheld.installationAcr',
};

/** Why a role does not count in a session, as its person is told it: on their account page, and when refused for it. */
export function withheldReasons(unmet: readonly UnmetRequirement[], of: 'funder' | 'installation'): MessageKey[] {
  return unmet.map((u) => (of === 'installation' ? INSTALLATION : FUNDER)[u]);
}
