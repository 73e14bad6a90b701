import type { applicantsEn } from './applicants.en.ts';

export const applicantsNl: Record<keyof typeof applicantsEn, string> = {
  'applicants.file.add': 'Een bestand toevoegen',
  'applicants.file.savedWithSection':
    'Het bestand wordt toegevoegd wanneer u deze sectie opslaat, samen met uw antwoorden.',
  'applicants.file.removeOnSave': '{name} verwijderen bij het opslaan',
};
