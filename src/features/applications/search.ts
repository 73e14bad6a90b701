import { sql, type SQL } from 'drizzle-orm';
import { searchableText } from '../../domain/forms/answers.ts';
import type { Answers, FormDefinition } from '../../domain/forms/definition.ts';

/**
 * The full-text index of an application: its title and text answers, stemmed in French and in
 * Dutch both, since a Brussels application may be written in either (or mix them).
 */
export function searchVector(title: string, form?: FormDefinition, values?: Answers): SQL {
  const text = [title, form && values ? searchableText(form, values) : ''].join('\n');
  return sql`to_tsvector('french', ${text}) || to_tsvector('dutch', ${text})`;
}
