import { useId, useState, type FormEvent } from 'react';
import { SECTORS, type Sector } from '../../../domain/sector';
import { useI18n } from '../../../i18n/I18nProvider';
import { isIsoDate } from '../filters';
import { useDashboardContext } from '../hooks/DashboardContext';
import { useDashboardFilters } from '../hooks/useDashboardFilters';

const CUSTOM = 'custom';

// The global filters, above every page. Native selects and date inputs: keyboard and screen-reader
// friendly without a widget library.
export function FilterBar() {
  const { m } = useI18n();
  const { years, townships } = useDashboardContext();
  const { filters, period, range, setFilters } = useDashboardFilters();
  const [editingRange, setEditingRange] = useState(false);
  const ids = { period: useId(), township: useId(), sector: useId(), from: useId(), to: useId() };

  const showRange = editingRange || period?.kind === 'range';
  const periodValue = showRange ? CUSTOM : period ? String(period.kind === 'year' ? period.year : '') : '';
  // The shown year stays selectable even when it holds no accidents (e.g. a bookmarked empty year).
  const yearOptions = period?.kind === 'year' && !years.includes(period.year) ? [period.year, ...years] : years;

  const onPeriodChange = (value: string) => {
    if (value === CUSTOM) return setEditingRange(true);
    setEditingRange(false);
    setFilters({ period: { kind: 'year', year: Number(value) } });
  };

  const onRangeSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get('from'));
    const to = String(data.get('to'));
    if (isIsoDate(from) && isIsoDate(to) && from <= to) setFilters({ period: { kind: 'range', from, to } });
  };

  return (
    <div className="filter-bar" role="search" aria-label={m.filters.label}>
      <div className="filter-bar__field">
        <label htmlFor={ids.period}>{m.filters.period}</label>
        <select id={ids.period} value={periodValue} onChange={(event) => onPeriodChange(event.target.value)}>
          {yearOptions.map((year) => (
            <option key={year} value={year}>
              {m.filters.yearOption(year)}
            </option>
          ))}
          <option value={CUSTOM}>{m.filters.customRange}</option>
        </select>
      </div>
      {showRange && (
        <form className="filter-bar__range" onSubmit={onRangeSubmit} key={`${range?.from}-${range?.to}`}>
          <label htmlFor={ids.from}>{m.filters.from}</label>
          <input id={ids.from} name="from" type="date" required defaultValue={range?.from} />
          <label htmlFor={ids.to}>{m.filters.to}</label>
          <input id={ids.to} name="to" type="date" required defaultValue={range?.to} />
          <button type="submit" className="button button--small">
            {m.filters.apply}
          </button>
        </form>
      )}
      <div className="filter-bar__field">
        <label htmlFor={ids.township}>{m.filters.township}</label>
        <select
          id={ids.township}
          value={filters.township ?? ''}
          onChange={(event) => setFilters({ township: event.target.value || null })}
        >
          <option value="">{m.filters.allTownships}</option>
          {townships.map((township) => (
            <option key={township.code} value={township.code}>
              {township.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor={ids.sector}>{m.filters.sector}</label>
        <select
          id={ids.sector}
          value={filters.sector ?? ''}
          onChange={(event) => setFilters({ sector: (event.target.value || null) as Sector | null })}
        >
          <option value="">{m.filters.allSectors}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {m.sectors[sector]}
            </option>
          ))}
        </select>
      </div>
      {(filters.period || filters.township || filters.sector) && (
        <button
          type="button"
          className="button button--small filter-bar__reset"
          onClick={() => {
            setEditingRange(false);
            setFilters({ period: null, township: null, sector: null });
          }}
        >
          {m.filters.reset}
        </button>
      )}
    </div>
  );
}
