import type { CallCriteria } from './callCriteria.ts';
import type { FormDefinition } from './forms/definition.ts';
import type { Locale } from './locale.ts';
import { lacksLanguage, type Translated } from './translated.ts';

/** Where a published text lacks one of the funder's required languages. */
export interface MissingTranslation {
  part: 'texts' | 'criteria' | 'form' | 'documents';
  lang: Locale;
  /** The text as it stands in French, to find it (or the field's name for the call's own texts). */
  what: string;
}

/**
 * Every text of a call that applicants read — its texts, criteria, form and documents — that is not
 * given in each of the funder's required languages (Brussels: French and Dutch). A call is published
 * only when there is none, so that no reader meets a text outside their language.
 */
export function missingTranslations(
  call: { title: Translated; summary: Translated; description: Translated } & CallCriteria,
  form: FormDefinition,
  documents: readonly { label: Translated }[],
  languages: readonly Locale[],
): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  for (const lang of languages) {
    const check = (part: MissingTranslation['part'], text: Translated | undefined, what = text?.fr ?? '') => {
      if (lacksLanguage(text, lang)) missing.push({ part, lang, what });
    };
    check('texts', call.title, 'title');
    check('texts', call.summary, 'summary');
    check('texts', call.description, 'description');
    for (const c of call.eligibilityCriteria) {
      check('criteria', c.label);
      check('criteria', c.explanation);
    }
    for (const c of call.evaluationCriteria) {
      check('criteria', c.name);
      check('criteria', c.description);
    }
    for (const d of call.requiredDocuments) check('criteria', d.label);
    for (const section of form.sections) {
      check('form', section.title);
      for (const field of section.fields) {
        check('form', field.label);
        check('form', field.help);
        if ('options' in field) for (const option of field.options) check('form', option.label);
      }
    }
    for (const d of documents) check('documents', d.label);
  }
  return missing;
}
