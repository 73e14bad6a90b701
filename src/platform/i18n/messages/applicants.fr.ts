import type { applicantsEn } from './applicants.en.ts';

export const applicantsFr: Record<keyof typeof applicantsEn, string> = {
  'applicants.file.add': 'Ajouter un fichier',
  'applicants.file.savedWithSection': 'Le fichier est joint quand vous enregistrez cette section, avec vos réponses.',
  'applicants.file.removeOnSave': 'Retirer {name} en enregistrant',
};
