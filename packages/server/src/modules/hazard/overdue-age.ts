import { registerEnumType } from 'type-graphql';

/** How long an overdue hazard has been past its deadline (county time, today). */
export enum OverdueAge {
  UP_TO_30_DAYS = 'UP_TO_30_DAYS',
  UP_TO_90_DAYS = 'UP_TO_90_DAYS',
  UP_TO_180_DAYS = 'UP_TO_180_DAYS',
  UP_TO_365_DAYS = 'UP_TO_365_DAYS',
  OVER_A_YEAR = 'OVER_A_YEAR',
}
registerEnumType(OverdueAge, {
  name: 'OverdueAge',
  description: '逾期时长 — how long an overdue hazard has been past its deadline.',
  valuesConfig: {
    UP_TO_30_DAYS: { description: '逾期30天以内 — 1 to 30 days.' },
    UP_TO_90_DAYS: { description: '31–90天 — 31 to 90 days.' },
    UP_TO_180_DAYS: { description: '91–180天 — 91 to 180 days.' },
    UP_TO_365_DAYS: { description: '181–365天 — 181 to 365 days.' },
    OVER_A_YEAR: { description: '超过一年 — more than a year.' },
  },
});
