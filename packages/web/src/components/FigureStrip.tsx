import { Link } from 'wouter';

export interface Figure {
  key: string;
  label: string;
  /** Formatted value; null while loading (shown as a dash). */
  value: string | null;
  unit?: string;
  /** A second line: a comparison or how the figure is computed. */
  detail?: string;
  /** Drawn in the alert colour: a figure that calls for action (overdue, gaps). */
  alert?: boolean;
  /** Where a click on the value leads (e.g. the records it counts). */
  href?: string;
}

/** A page's headline figures in one row: label, value with unit, and an optional comparison below. */
export function FigureStrip({ id, label, figures }: { id: string; label: string; figures: readonly Figure[] }) {
  return (
    <section className="panel figure-strip" aria-label={label} data-panel={id}>
      <dl className="figure-strip__list">
        {figures.map((figure) => (
          <div
            key={figure.key}
            className={figure.alert ? 'figure-strip__item figure-strip__item--alert' : 'figure-strip__item'}
          >
            <dt>{figure.label}</dt>
            <dd data-figure={figure.key}>
              {figure.value === null ? (
                '—'
              ) : figure.href ? (
                <Link href={figure.href} className="figure-strip__link">
                  {figure.value}
                </Link>
              ) : (
                figure.value
              )}
              {figure.unit && figure.value !== null && <small>{figure.unit}</small>}
            </dd>
            {figure.detail && <dd className="figure-strip__detail">{figure.detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
