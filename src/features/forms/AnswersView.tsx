import { colon } from '../../platform/i18n/i18n.ts';
import type { Answers, AnswerValue, Budget, FieldDef, FormDefinition } from '../../domain/forms/definition.ts';
import { formatMoney } from '../../domain/money.ts';
import { formatCount } from '../../domain/numbers.ts';
import { communeByNis, DIGCOMP_AREAS } from '../../domain/referenceData.ts';
import { inLocale } from '../../domain/translated.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../platform/views/context.ts';
import { Paragraphs } from '../../platform/views/Paragraphs.tsx';
import type { Term } from './AnswerFields.tsx';

/** Frozen answers, read-only, section by section: what officers read and what was submitted. */
export function AnswersView({
  ctx,
  form,
  values,
  publics,
  files = {},
  headingLevel = 2,
}: {
  ctx: ViewContext;
  form: FormDefinition;
  values: Answers;
  publics: readonly Term[];
  files?: Record<string, { name: string; href: string }[]>;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {form.sections.map((section) => (
        <section>
          <H>{inLocale(section.title, ctx.locale)}</H>
          <dl class="answers">
            {section.fields.map((field) => (
              <>
                <dt>{inLocale(field.label, ctx.locale)}</dt>
                <dd>
                  {field.type === 'file' ? (
                    <FileList files={files[field.id] ?? []} ctx={ctx} />
                  ) : (
                    <AnswerText ctx={ctx} field={field} value={values[field.id] ?? null} publics={publics} />
                  )}
                </dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}

function FileList({ ctx, files }: { ctx: ViewContext; files: { name: string; href: string }[] }) {
  if (!files.length) return <>{ctx.t('answer.none')}</>;
  return (
    <ul>
      {files.map((f) => (
        <li>
          <a href={f.href}>{f.name}</a>
        </li>
      ))}
    </ul>
  );
}

/** One answer as text a person reads: amounts as money, communes and publics by name. */
export function answerAsText(
  ctx: Pick<ViewContext, 't' | 'locale'>,
  field: FieldDef,
  value: AnswerValue,
  publics: readonly Term[],
): string {
  const { t, locale } = ctx;
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return t('answer.none');
  const publicName = (key: string) => {
    const p = publics.find((x) => x.key === key);
    return p ? inLocale(p.label, locale) : key;
  };
  switch (field.type) {
    case 'money':
      return formatMoney(value as number, locale, { cents: (value as number) % 100 !== 0 });
    case 'yes-no':
      return value ? t('answer.yes') : t('answer.no');
    case 'single-choice':
    case 'multi-choice': {
      const chosen = Array.isArray(value) ? value : [value as string];
      return chosen
        .map((v) => inLocale(field.options.find((o) => o.value === v)?.label ?? { fr: String(v) }, locale))
        .join(', ');
    }
    case 'communes':
      return (value as string[])
        .map((nis) => (locale === 'nl' ? communeByNis(nis)?.nl : communeByNis(nis)?.fr) ?? nis)
        .join(', ');
    case 'target-publics':
      return (value as string[]).map(publicName).join(', ');
    case 'digcomp-areas':
      return (value as string[])
        .map((id) => inLocale(DIGCOMP_AREAS.find((a) => a.id === id)?.label ?? { fr: id }, locale))
        .join(', ');
    case 'participants-per-public':
      return Object.entries(value as Record<string, number>)
        .map(([k, n]) => `${publicName(k)}${colon(locale)} ${formatCount(n, locale)}`)
        .join(', ');
    case 'budget-table': {
      const b = value as Budget;
      return t('budget.summary', {
        total: formatMoney(b.totalCents, locale),
        requested: formatMoney(b.requestedCents, locale),
        other: formatMoney(b.otherFundingCents, locale),
      });
    }
    default:
      return String(value);
  }
}

function AnswerText({
  ctx,
  field,
  value,
  publics,
}: {
  ctx: ViewContext;
  field: FieldDef;
  value: AnswerValue;
  publics: readonly Term[];
}) {
  if (field.type === 'budget-table' && value && typeof value === 'object' && 'lines' in value) {
    const b = value as Budget;
    return (
      <div class="table-scroll">
        <table>
          <caption>{answerAsText(ctx, field, value, publics)}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('budget.category')}</th>
              <th scope="col">{ctx.t('budget.label')}</th>
              <th scope="col">{ctx.t('budget.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {b.lines.map((l) => (
              <tr>
                <td>{ctx.t(`budget.category.${l.category}` as MessageKey)}</td>
                <td>{l.label}</td>
                <td class="number">{formatMoney(l.amountCents, ctx.locale, { cents: l.amountCents % 100 !== 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const text = answerAsText(ctx, field, value, publics);
  return field.type === 'long-text' ? <Paragraphs text={text} /> : <>{text}</>;
}
