import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, Textarea } from '../../../platform/views/forms.tsx';
import { MAX_NOTE_LENGTH } from '../commands/addNote.ts';
import type { ApplicationNote } from '../service.ts';

/** The officers' internal notes on an application, and the form to add one. Never rendered for applicants. */
export function NotesSection({
  ctx,
  applicationId,
  notes,
  form,
}: {
  ctx: ViewContext;
  applicationId: string;
  notes: ApplicationNote[];
  form?: { value: string; error: MessageKey } | undefined;
}) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="notes-title" id="notes">
      <h2 id="notes-title">{t('applicants.notes.title')}</h2>
      <p class="hint">{t('applicants.notes.private')}</p>
      {notes.length === 0 ? (
        <p>{t('applicants.notes.none')}</p>
      ) : (
        <ul class="notes">
          {notes.map((n) => (
            <li>
              <p>{n.body}</p>
              <p class="hint">{t('applicants.notes.by', { name: n.author, at: formatInstant(n.createdAt, locale) })}</p>
            </li>
          ))}
        </ul>
      )}
      <Form ctx={ctx} action={`/manage/applications/${applicationId}/notes`}>
        <Textarea
          ctx={ctx}
          name="note"
          label={t('applicants.notes.add')}
          value={form?.value ?? ''}
          error={form ? { key: form.error, values: { max: MAX_NOTE_LENGTH } } : undefined}
          required
          rows={3}
        />
        <button type="submit">{t('applicants.notes.save')}</button>
      </Form>
    </section>
  );
}
