import { useMemo } from 'react';
import { ChartPanel } from '../../../components/ChartPanel';
import type { OverviewPanelsQuery } from '../../../graphql/generated/graphql';
import type { QueryState } from '../../../graphql/useHubQuery';
import { useI18n } from '../../../i18n/I18nProvider';
import { planItemView, planProgressTable } from '../charts/planProgress';

interface Props {
  data: OverviewPanelsQuery | undefined;
  state: QueryState;
  /** The year the period ends in: its plan (how it went) and the next year's (how far it is). */
  year: number | null;
}

export function PlanProgressPanel({ data, state, year }: Props) {
  const { lang, m } = useI18n();
  const text = m.overview.plan;
  const plans = useMemo(() => {
    if (!data || year === null) return [];
    return [
      { year, items: data.currentPlan },
      { year: year + 1, items: data.plan },
    ].filter((plan) => plan.items.length > 0);
  }, [data, year]);
  const table = useMemo(() => planProgressTable(plans, { lang, m }), [plans, lang, m]);
  const years = plans.map((plan) => plan.year).join(lang === 'en' ? ' and ' : '、');
  return (
    <ChartPanel
      id="plan"
      className="overview-grid__plan"
      title={text.title}
      scope={years ? text.scope(years) : year ? text.scope(String(year)) : ''}
      state={state}
      hasData={data !== undefined}
      empty={plans.length === 0}
      emptyText={text.empty}
      table={table}
    >
      <div className="plans">
        {plans.map((plan) => (
          <section key={plan.year} className="plan" aria-label={text.planOf(plan.year)}>
            <h3 className="plan__title">{text.planOf(plan.year)}</h3>
            <ol className="plan__items">
              {plan.items.map((item) => {
                const view = planItemView(item, { lang, m });
                return (
                  <li key={view.id} className="plan-item">
                    <p className="plan-item__name">
                      {text.itemLabel(view.number, view.name)}
                      {view.originalTitle && (
                        <span className="plan-item__original" lang="zh-CN">
                          {view.originalTitle}
                        </span>
                      )}
                    </p>
                    <div className="plan-item__bar" aria-hidden="true">
                      <span style={{ width: `${view.progress * 100}%` }} />
                    </div>
                    <p className="plan-item__figures">
                      <span>
                        {text.target}: {view.target}
                      </span>
                      <span>
                        {text.actual}: {view.actual}
                      </span>
                      <strong>
                        {text.progress} {view.progressText}
                      </strong>
                    </p>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </ChartPanel>
  );
}
