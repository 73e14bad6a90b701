import type { officersEn } from './officers.en.ts';

export const officersFr: Record<keyof typeof officersEn, string> = {
  'call.nav.results': 'Résultats publiés',
};
