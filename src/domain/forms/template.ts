import type { FormDefinition } from './definition.ts';

/**
 * The form a new call starts from: what most digital-inclusion calls ask. The officer edits it;
 * nothing here is compulsory.
 */
export function standardForm(): FormDefinition {
  return {
    sections: [
      {
        id: 'project',
        title: { fr: 'Le projet', nl: 'Het project', en: 'The project' },
        fields: [
          {
            id: 'summary',
            type: 'long-text',
            maxLength: 3000,
            required: true,
            label: { fr: 'Résumé du projet', nl: 'Samenvatting van het project', en: 'Summary of the project' },
            help: {
              fr: 'Ce que vous ferez, pour qui, et pourquoi.',
              nl: 'Wat u zult doen, voor wie, en waarom.',
              en: 'What you will do, for whom, and why.',
            },
          },
          {
            id: 'communes',
            type: 'communes',
            required: true,
            label: { fr: 'Communes desservies', nl: 'Bediende gemeenten', en: 'Communes served' },
          },
          {
            id: 'publics',
            type: 'target-publics',
            required: true,
            label: { fr: 'Publics visés', nl: 'Doelgroepen', en: 'Target publics' },
          },
          {
            id: 'participants',
            type: 'participants-per-public',
            required: false,
            label: {
              fr: 'Participants attendus par public',
              nl: 'Verwachte deelnemers per doelgroep',
              en: 'Expected participants per public',
            },
          },
          {
            id: 'digcomp',
            type: 'digcomp-areas',
            required: false,
            label: {
              fr: 'Domaines de compétences DigComp travaillés',
              nl: 'DigComp-competentiegebieden',
              en: 'DigComp areas worked on',
            },
          },
        ],
      },
      {
        id: 'budget',
        title: { fr: 'Budget', nl: 'Begroting', en: 'Budget' },
        fields: [
          {
            id: 'budget',
            type: 'budget-table',
            required: true,
            label: { fr: 'Budget du projet', nl: 'Begroting van het project', en: 'Project budget' },
          },
        ],
      },
    ],
  };
}
