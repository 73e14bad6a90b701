import type { ComponentChildren } from 'preact';
import type { ChartData } from '../charts.ts';

/**
 * A chart as the page gives it to everyone: its title, its summary in words, the drawing, the same data as a
 * table (what a screen reader reads), and the data as a CSV file.
 */
export function ChartSection({
  chart,
  csvHref,
  csvLabel,
  children,
}: {
  chart: ChartData;
  csvHref: string;
  csvLabel: string;
  children: ComponentChildren;
}) {
  const headingId = `chart-${chart.id}`;
  return (
    <section class="chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{chart.title}</h2>
      <p>{chart.summary}</p>
      <div class="chart-drawing">{children}</div>
      <div class="table-scroll">
        <table>
          <caption>{chart.title}</caption>
          <thead>
            <tr>
              <th scope="col">{chart.labelHeader}</th>
              <th scope="col" class="number">
                {chart.valueHeader}
              </th>
              {chart.shareHeader && (
                <th scope="col" class="number">
                  {chart.shareHeader}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td class="number">{r.text}</td>
                {chart.shareHeader && <td class="number">{r.share ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={csvHref} download>
          {csvLabel}
        </a>
      </p>
    </section>
  );
}
