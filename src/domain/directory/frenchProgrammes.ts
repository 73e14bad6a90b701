// The two codelists of the standard that name French schemes: national programmes
// (`dispositif_programmes_nationaux`) and trainings and labels (`formations_labels`). A Brussels
// place rarely has one, but a file from a French map may, and an import keeps them so that an
// export gives back what came in. Names of schemes stay as they are; the labels only add a few
// words where a reader needs them.

import type { CodeList } from './codelist.ts';

const same = (name: string) => ({ fr: name, nl: name, en: name });

export const NATIONAL_PROGRAMMES = [
  { key: 'aidants-connect', standard: 'Aidants Connect', label: same('Aidants Connect') },
  {
    key: 'reference-digital-libraries',
    standard: 'Bibliothèques numérique de référence',
    label: {
      fr: 'Bibliothèques numériques de référence',
      nl: 'Digitale referentiebibliotheken (Frankrijk)',
      en: 'Reference digital libraries (France)',
    },
  },
  { key: 'pix-certification', standard: 'Certification PIX', label: same('Certification PIX') },
  {
    key: 'digital-advisers',
    standard: 'Conseillers numériques',
    label: {
      fr: 'Conseillers numériques',
      nl: 'Digitale adviseurs (Frankrijk)',
      en: 'Digital advisers (France)',
    },
  },
  { key: 'emmaus-connect', standard: 'Emmaüs Connect', label: same('Emmaüs Connect') },
  { key: 'france-services', standard: 'France Services', label: same('France Services') },
  { key: 'grande-ecole-du-numerique', standard: 'Grande école du numérique', label: same('Grande école du numérique') },
  {
    key: 'red-cross',
    standard: 'La Croix Rouge',
    label: { fr: 'La Croix-Rouge', nl: 'Het Rode Kruis', en: 'The Red Cross' },
  },
  { key: 'caf-access-point', standard: "Point d'accès numérique CAF", label: same("Point d'accès numérique CAF") },
  { key: 'promeneurs-du-net', standard: 'Promeneurs du net', label: same('Promeneurs du net') },
  {
    key: 'emmaus-connect-relay',
    standard: 'Relais numérique (Emmaüs Connect)',
    label: same('Relais numérique (Emmaüs Connect)'),
  },
] as const satisfies CodeList<string>;
export type NationalProgrammeKey = (typeof NATIONAL_PROGRAMMES)[number]['key'];

export const TRAINING_LABELS = [
  {
    key: 'mon-espace-sante',
    standard: 'Formé à « Mon Espace Santé »',
    label: {
      fr: 'Formé à « Mon Espace Santé »',
      nl: 'Opgeleid voor “Mon Espace Santé”',
      en: 'Trained for “Mon Espace Santé”',
    },
  },
  {
    key: 'duplex',
    standard: 'Formé à « DUPLEX » (illettrisme)',
    label: {
      fr: 'Formé à « DUPLEX » (illettrisme)',
      nl: 'Opgeleid in “DUPLEX” (laaggeletterdheid)',
      en: 'Trained in “DUPLEX” (reading and writing)',
    },
  },
  {
    key: 'arnia-mednum-bfc',
    standard: 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
    label: same('Arnia/MedNum BFC (Bourgogne-Franche-Comté)'),
  },
  {
    key: 'reuse-collective-normandy',
    standard: 'Collectif ressources et acteurs réemploi (Normandie)',
    label: same('Collectif ressources et acteurs réemploi (Normandie)'),
  },
  // The schema's pattern has no space before the bracket; its value is kept as written.
  { key: 'etapes-numeriques', standard: 'Étapes numériques(La Poste)', label: same('Étapes numériques (La Poste)') },
  { key: 'fabriques-de-territoire', standard: 'Fabriques de Territoire', label: same('Fabriques de Territoire') },
  {
    key: 'eclaireurs-du-numerique',
    standard: 'Les Éclaireurs du numérique (Drôme)',
    label: same('Les Éclaireurs du numérique (Drôme)'),
  },
  { key: 'mes-papiers', standard: 'Mes Papiers (Métropole de Lyon)', label: same('Mes Papiers (Métropole de Lyon)') },
  { key: 'ordi-3-0', standard: 'ORDI 3.0', label: same('ORDI 3.0') },
  { key: 'sud-labs', standard: 'SUD LABS (PACA)', label: same('SUD LABS (PACA)') },
] as const satisfies CodeList<string>;
export type TrainingLabelKey = (typeof TRAINING_LABELS)[number]['key'];
