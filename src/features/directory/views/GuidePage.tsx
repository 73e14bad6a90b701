import { GUIDED_PATH, type Answers, type QuestionKey } from '../../../domain/directory/guidedPath.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import { DirectoryStyles } from './placeBits.tsx';
import { Pictogram, PictogramSymbols } from './Pictogram.tsx';

// A sign language's "native" name is its acronym, not words in it.
const SIGN_LANGUAGES = new Set(['sfb', 'vgt']);

/**
 * One question of the guided path: its answers as large pictured choices, the answers given so far
 * carried in hidden fields, so that the path works with plain links and forms, without JavaScript.
 */
export function GuidePage({ ctx, question, answers }: { ctx: ViewContext; question: QuestionKey; answers: Answers }) {
  const { t, locale } = ctx;
  const index = GUIDED_PATH.findIndex((q) => q.key === question);
  const q = GUIDED_PATH[index]!;
  const last = index === GUIDED_PATH.length - 1;
  const kept = GUIDED_PATH.filter((other) => other.key !== question).flatMap((other) => {
    const given = answers[other.key];
    return (typeof given === 'string' ? [given] : (given ?? [])).map((value) => ({ name: other.key, value }));
  });
  const heading = `${q.label[locale]}`;
  return (
    <Layout ctx={ctx} title={`${t('directory.guide.title')} — ${heading}`}>
      <DirectoryStyles />
      <PictogramSymbols names={q.answers.map((a) => a.pictogram)} />
      <p>{t('directory.guide.title')}</p>
      <form method="get" action="/help/guide" class="guide">
        {kept.map((k) => (
          <input type="hidden" name={k.name} value={k.value} />
        ))}
        {last && <input type="hidden" name="done" value="1" />}
        <fieldset>
          <legend>
            <span>{t('directory.guide.step', { step: index + 1, steps: GUIDED_PATH.length })}</span>
            <h1>{heading}</h1>
          </legend>
          {q.multiple && <p class="hint">{t('directory.guide.severalAllowed')}</p>}
          <ul class="answers">
            {q.answers.map((a, i) => {
              const id = `answer-${q.key}-${i}`;
              return (
                <li>
                  <input type={q.multiple ? 'checkbox' : 'radio'} id={id} name={q.key} value={a.key} />
                  <label for={id}>
                    <Pictogram name={a.pictogram} />
                    <span>
                      {a.label[locale]}
                      {a.native && a.native !== a.label[locale] && (
                        <>
                          {' '}
                          (<span lang={SIGN_LANGUAGES.has(a.key) ? undefined : a.key}>{a.native}</span>)
                        </>
                      )}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {q.key === 'commune' && (
            <div class="field">
              <label for="field-communeTyped">{t('directory.guide.typeCommune')}</label>
              <input id="field-communeTyped" name="communeTyped" type="text" autocomplete="postal-code" />
            </div>
          )}
        </fieldset>
        <button type="submit">{last ? t('directory.guide.show') : t('directory.guide.next')}</button>
      </form>
      <p>
        <a href="/help/guide">{t('directory.guide.restart')}</a> · <a href="/help">{t('directory.place.back')}</a>
      </p>
    </Layout>
  );
}
