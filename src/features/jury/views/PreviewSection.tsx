import type { Shortfall } from '../../../domain/juryPlanning.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form } from '../../../platform/views/forms.tsx';
import type { AssignmentPreview } from '../preview.ts';
import { formatAffinity, formatTotal } from './JuryNav.tsx';

/** A shortfall in words, with names and references in place of identifiers. */
function shortfallText(ctx: ViewContext, s: Shortfall, labels: Record<string, string>): string {
  const { t, locale } = ctx;
  const name = (id: string) => labels[id] ?? id;
  switch (s.code) {
    case 'no-jurors':
      return t('jury.shortfall.noJurors');
    case 'capacity':
      return t('jury.shortfall.capacity', { available: s.available, needed: s.needed });
    case 'application-short':
      return t('jury.shortfall.applicationShort', {
        application: name(s.applicationId),
        available: s.available,
        needed: s.needed,
      });
    case 'min-load-above-capacity':
      return t('jury.shortfall.minAboveCapacity', { juror: name(s.jurorId), min: s.minLoad, capacity: s.capacity });
    case 'min-load-unreachable':
      return t('jury.shortfall.minUnreachable', { juror: name(s.jurorId), min: s.minLoad, free: s.free });
    case 'min-loads-exceed':
      return t('jury.shortfall.minLoadsExceed', { total: s.total, needed: s.needed });
    case 'floor':
      return t('jury.shortfall.floor', {
        application: name(s.applicationId),
        best: formatTotal(s.best, locale),
        floor: formatTotal(s.floor, locale),
      });
  }
}

/** The computed assignment, before it is stored: status, loads, affinities, or why it is impossible. */
export function PreviewSection({
  ctx,
  preview,
  action,
}: {
  ctx: ViewContext;
  preview: AssignmentPreview;
  action: string;
}) {
  const { t, locale } = ctx;
  const solved = (preview.status === 'optimal' || preview.status === 'feasible') && preview.pairs.length > 0;
  return (
    <section aria-labelledby="preview-title" class="card">
      <h2 id="preview-title">{t('jury.preview.title')}</h2>
      <p role="status">
        <strong>{t(`jury.preview.status.${preview.status}` as MessageKey)}</strong>
        {preview.objective !== null &&
          ` ${t('jury.preview.objective', { objective: formatTotal(preview.objective, locale), bound: formatTotal(preview.bound ?? preview.objective, locale) })}`}
      </p>
      {preview.shortfalls.length > 0 && (
        <>
          <p>{t('jury.preview.why')}</p>
          <ul>
            {preview.shortfalls.map((s) => (
              <li>{shortfallText(ctx, s, preview.labels)}</li>
            ))}
          </ul>
        </>
      )}
      {preview.reason && (
        <p>
          {t('jury.preview.solverSays')} <q lang="en">{preview.reason}</q>
        </p>
      )}
      {solved && (
        <>
          <div class="table-scroll">
            <table>
              <caption>{t('jury.preview.applications')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('receipt.reference')}</th>
                  <th scope="col">{t('dashboard.project')}</th>
                  <th scope="col">{t('jury.preview.held')}</th>
                  <th scope="col">{t('jury.preview.proposed')}</th>
                  <th scope="col">{t('jury.preview.total')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.applications.map((a) => (
                  <tr>
                    <td>
                      <code>{a.reference}</code>
                    </td>
                    <td>
                      {a.title}
                      <br />
                      <small>{a.organisationName}</small>
                    </td>
                    <td>
                      {a.held.length
                        ? a.held.map((m) => `${m.name} (${formatAffinity(m.affinity, locale)})`).join(', ')
                        : '—'}
                    </td>
                    <td>
                      <ul>
                        {a.proposed.map((m) => (
                          <li>
                            {m.name} ({formatAffinity(m.affinity, locale)})
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td class="number">{formatTotal(a.total, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="table-scroll">
            <table>
              <caption>{t('jury.preview.loads')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('jury.members.member')}</th>
                  <th scope="col">{t('jury.preview.before')}</th>
                  <th scope="col">{t('jury.preview.added')}</th>
                  <th scope="col">{t('jury.members.load')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.jurors.map((j) => (
                  <tr>
                    <td>{j.name}</td>
                    <td class="number">{j.before}</td>
                    <td class="number">+{j.added}</td>
                    <td class="number">
                      {t('jury.members.loadOf', { load: j.before + j.added, capacity: j.capacity })}
                      {j.minLoad > 0 && <small> {t('jury.members.minLoad', { min: j.minLoad })}</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form ctx={ctx} action={action}>
            {preview.pairs.map((p) => (
              <input type="hidden" name="pair" value={`${p.jurorId}:${p.applicationId}`} />
            ))}
            <p>{t('jury.preview.confirmHint', { count: preview.pairs.length })}</p>
            <button type="submit">{t('jury.preview.confirm')}</button>
          </Form>
        </>
      )}
    </section>
  );
}
