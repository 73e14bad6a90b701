import type { officersEn } from './officers.en.ts';

export const officersNl: Record<keyof typeof officersEn, string> = {
  'call.nav.results': 'Gepubliceerde resultaten',
};
