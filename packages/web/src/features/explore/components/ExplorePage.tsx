// 自助分析: an analyst composes a query (dataset, measures, dimensions, filters) and a chart; it runs as they
// change it, shows the GraphQL operation it sends, exports CSV/XLSX/PNG, saves and shares, and its URL is the
// permalink (`?q=` the choices, `?saved=` a saved query).
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSearchParams } from 'wouter';
import { ChartPanel } from '../../../components/ChartPanel';
import {
  HAZARD_LEVELS,
  INSPECTION_CAMPAIGNS,
  LIGHT_CONDITIONS,
  ROAD_CLASSES,
  TRAINING_KINDS,
} from '../../../domain/enums';
import { SECTORS } from '../../../domain/sector';
import { useI18n } from '../../../i18n/I18nProvider';
import type { Messages } from '../../../i18n/messages';
import { chartProblem, exploreChart, exploreTable, type ExploreResultData } from '../charts/exploreChart';
import {
  buildExploreOperation,
  CHART_TYPES,
  cleanFilter,
  curlOf,
  DATASETS,
  decodeChoices,
  encodeChoices,
  type ChartType,
  type Dataset,
  type ExploreChoices,
} from '../exploreOperation';
import { SavedQueryQuery, SaveQueryMutation } from '../graphql/savedQueries';
import { useExploreCatalog } from '../hooks/useExploreCatalog';
import { countyGeoJson } from '../../trend-map/charts/countyGeoJson';

const DEFAULT_CHOICES: ExploreChoices = {
  dataset: 'HAZARD',
  measures: ['FOUND'],
  dimensions: ['TOWNSHIP'],
  filter: {},
  chart: 'STACKED_BAR',
};
const MAP_NAME = 'explore-county';
const DEBOUNCE_MS = 350;

/** The enum filters each dataset offers on the form (more through the advanced JSON). */
function enumFilters(dataset: Dataset, m: Messages) {
  const f = (field: string, values: readonly string[], labels: Record<string, string>, title: string) => ({
    field,
    values,
    labels,
    title,
  });
  switch (dataset) {
    case 'ACCIDENT':
    case 'INVESTIGATION':
      return [f('sectors', SECTORS, m.sectors, m.columns.sector)];
    case 'ROAD_TRAFFIC':
      return [
        f('roadClasses', ROAD_CLASSES, m.roadClasses, m.columns.roadClass),
        f('lights', LIGHT_CONDITIONS, m.lights, m.columns.light),
      ];
    case 'HAZARD':
      return [f('levels', HAZARD_LEVELS, m.hazardLevels, m.columns.level)];
    case 'INSPECTION':
      return [f('campaigns', INSPECTION_CAMPAIGNS, m.campaigns, m.columns.campaign)];
    case 'TRAINING':
      return [f('kinds', TRAINING_KINDS, m.trainingKinds, m.explore.kindFilter)];
    default:
      return [];
  }
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const toggle = (list: readonly string[], value: string) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

export default function ExplorePage() {
  const { lang, m } = useI18n();
  const text = m.explore;
  const [params, setParams] = useSearchParams();
  const savedId = params.get('saved');
  const [choices, setChoices] = useState<ExploreChoices>(() => decodeChoices(params.get('q')) ?? DEFAULT_CHOICES);
  const [advanced, setAdvanced] = useState(() => '');
  const { catalog } = useExploreCatalog(lang);

  // A saved query opened by its permalink: its choices replace the defaults once.
  const [saved] = useQuery({ query: SavedQueryQuery, variables: { id: savedId ?? '' }, pause: !savedId });
  useEffect(() => {
    const q = saved.data?.savedQuery;
    if (!q) return;
    const op = q.operation as { measures: string[]; dimensions: string[]; filter?: Record<string, unknown> | null };
    setChoices({
      dataset: q.dataset as Dataset,
      measures: op.measures,
      dimensions: op.dimensions,
      filter: op.filter ?? {},
      chart: q.chartType as ChartType,
    });
  }, [saved.data]);

  // The URL follows the choices: it is the permalink.
  const encoded = encodeChoices(choices);
  useEffect(() => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (next.get('q') === encoded) return previous;
        next.set('q', encoded);
        return next;
      },
      { replace: true },
    );
  }, [encoded, setParams]);

  const advancedFilter = useMemo(() => {
    if (!advanced.trim()) return {};
    try {
      const value = JSON.parse(advanced) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }, [advanced]);

  const effective = useMemo(
    () => ({ ...choices, filter: { ...choices.filter, ...(advancedFilter ?? {}) } }),
    [choices, advancedFilter],
  );
  const debounced = useDebounced(effective, DEBOUNCE_MS);
  const operation = useMemo(() => buildExploreOperation(debounced), [debounced]);
  const [result, reexecute] = useQuery<Record<string, ExploreResultData>>({
    query: operation.query,
    variables: operation.variables,
    pause: debounced.measures.length === 0,
  });
  const data = result.data?.[operation.field];

  const set = (patch: Partial<ExploreChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const setFilter = (field: string, value: unknown) =>
    setChoices((c) => ({ ...c, filter: cleanFilter({ ...c.filter, [field]: value }) }));

  const offered = catalog?.byDataset[choices.dataset];
  const measureLabels = (data?.measures ?? []).map((c) => (lang === 'en' ? c.label.en : c.label.zh));
  const dimensionLabels = (data?.dimensions ?? []).map((c) => (lang === 'en' ? c.label.en : c.label.zh));
  const title = `${text.datasets[choices.dataset]}${lang === 'en' ? ': ' : '：'}${measureLabels.join(lang === 'en' ? ', ' : '、')}`;
  const scope = text.description(measureLabels.join(lang === 'en' ? ', ' : '、'), dimensionLabels.join(' × '));
  const problem = data ? chartProblem(data, choices.chart) : null;
  const geo = useMemo(
    () =>
      catalog ? countyGeoJson(catalog.townships as { code: string; boundary: Record<string, unknown> | null }[]) : null,
    [catalog],
  );
  const spec = useMemo(
    () => (data ? exploreChart(data, choices.chart, { lang, description: scope, mapName: MAP_NAME }) : null),
    [data, choices.chart, lang, scope],
  );
  const table = useMemo(() => (data ? exploreTable(data, lang) : undefined), [data, lang]);

  const operationText = `${operation.query}\n# variables\n${JSON.stringify(operation.variables, null, 2)}\n`;
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(operationText).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  const permalink = `${window.location.origin}/explore?${new URLSearchParams({ q: encoded }).toString()}`;

  // Saving.
  const [saveResult, saveQuery] = useMutation(SaveQueryMutation);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<'PRIVATE' | 'ROLES' | 'USERS' | 'PUBLIC'>('PRIVATE');
  const [sharedWith, setSharedWith] = useState('');
  const [pin, setPin] = useState(true);
  const save = async () => {
    const list = sharedWith
      .split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const res = await saveQuery({
      input: {
        name,
        description: description || null,
        visibility,
        sharedWithRoles: visibility === 'ROLES' ? list : [],
        sharedWithUsers: visibility === 'USERS' ? list : [],
        pinned: pin,
        operation: {
          dataset: choices.dataset,
          measures: operation.variables.measures,
          dimensions: operation.variables.dimensions,
          filter: operation.variables.filter,
          limit: operation.variables.limit,
        },
        chart: { type: choices.chart, options: {} },
      },
    });
    const id = res.data?.saveQuery.id;
    if (id)
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set('saved', id);
          return next;
        },
        { replace: true },
      );
  };

  const filterFields = enumFilters(choices.dataset, m);
  const hasDates = choices.dataset !== 'CAPACITY';

  return (
    <section className="page explore" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{text.title}</h1>
        <p className="page-header__subtitle">{text.intro}</p>
        {saved.data?.savedQuery && (
          <p className="explore__saved" data-testid="opened-saved">
            {text.openedSaved(saved.data.savedQuery.name, saved.data.savedQuery.ownerName)}
          </p>
        )}
      </header>
      <div className="explore__layout">
        <form className="panel explore__form" onSubmit={(e) => e.preventDefault()} aria-label={text.title}>
          <label className="explore__field">
            <span>{text.dataset}</span>
            <select
              name="dataset"
              value={choices.dataset}
              onChange={(e) => {
                const dataset = e.target.value as Dataset;
                const first = catalog?.byDataset[dataset];
                setAdvanced('');
                setChoices({
                  dataset,
                  measures: first?.measures[0] ? [first.measures[0].key] : [],
                  dimensions: [],
                  filter: {},
                  chart: choices.chart,
                });
              }}
            >
              {DATASETS.map((d) => (
                <option key={d} value={d}>
                  {text.datasets[d]}
                </option>
              ))}
            </select>
          </label>

          <fieldset className="explore__choices" data-group="measures">
            <legend>{text.measures}</legend>
            {offered?.measures.map((o) => (
              <label key={o.key} className="explore__check">
                <input
                  type="checkbox"
                  value={o.key}
                  checked={choices.measures.includes(o.key)}
                  onChange={() => set({ measures: toggle(choices.measures, o.key) })}
                />
                {o.label}
              </label>
            ))}
          </fieldset>

          <fieldset className="explore__choices" data-group="dimensions">
            <legend>{text.dimensions}</legend>
            {offered?.dimensions.map((o) => {
              const at = choices.dimensions.indexOf(o.key);
              return (
                <label key={o.key} className="explore__check">
                  <input
                    type="checkbox"
                    value={o.key}
                    checked={at >= 0}
                    disabled={at < 0 && choices.dimensions.length >= 3}
                    onChange={() => set({ dimensions: toggle(choices.dimensions, o.key) })}
                  />
                  {o.label}
                  {at >= 0 && <span className="explore__order"> {at + 1}</span>}
                </label>
              );
            })}
          </fieldset>

          <fieldset className="explore__choices explore__filters">
            <legend>{text.filters}</legend>
            {hasDates ? (
              <>
                <label className="explore__field">
                  <span>{text.from}</span>
                  <input
                    type="date"
                    name="from"
                    value={(choices.filter.from as string) ?? ''}
                    onChange={(e) => setFilter('from', e.target.value)}
                  />
                </label>
                <label className="explore__field">
                  <span>{text.to}</span>
                  <input
                    type="date"
                    name="to"
                    value={(choices.filter.to as string) ?? ''}
                    onChange={(e) => setFilter('to', e.target.value)}
                  />
                </label>
              </>
            ) : (
              <label className="explore__field">
                <span>{text.years}</span>
                <input
                  name="years"
                  value={((choices.filter.years as number[]) ?? []).join(',')}
                  onChange={(e) =>
                    setFilter(
                      'years',
                      e.target.value
                        .split(/[,，\s]+/)
                        .map(Number)
                        .filter((n) => Number.isInteger(n) && n > 1900),
                    )
                  }
                />
              </label>
            )}
            {choices.dataset !== 'TRAINING' && (
              <label className="explore__field">
                <span>{text.townships}</span>
                <select
                  name="townships"
                  multiple
                  size={4}
                  value={(choices.filter.townshipCodes as string[]) ?? []}
                  onChange={(e) =>
                    setFilter(
                      'townshipCodes',
                      [...e.target.selectedOptions].map((o) => o.value),
                    )
                  }
                >
                  {catalog?.townships.map((t) => (
                    <option key={t.code} value={t.code}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {filterFields.map((f) => (
              <div key={f.field} className="explore__enum" data-filter={f.field}>
                <span>{f.title}</span>
                {f.values.map((v) => (
                  <label key={v} className="explore__check">
                    <input
                      type="checkbox"
                      value={v}
                      checked={((choices.filter[f.field] as string[]) ?? []).includes(v)}
                      onChange={() => setFilter(f.field, toggle((choices.filter[f.field] as string[]) ?? [], v))}
                    />
                    {f.labels[v] ?? v}
                  </label>
                ))}
              </div>
            ))}
            <label className="explore__field explore__field--wide">
              <span>{text.advancedFilter}</span>
              <textarea name="advanced" rows={2} value={advanced} onChange={(e) => setAdvanced(e.target.value)} />
              {advancedFilter === null && <span role="alert">{text.badJson}</span>}
            </label>
          </fieldset>

          <fieldset className="explore__choices" data-group="chart">
            <legend>{text.chart}</legend>
            {CHART_TYPES.map((c) => (
              <label key={c} className="explore__check">
                <input
                  type="radio"
                  name="chart"
                  value={c}
                  checked={choices.chart === c}
                  onChange={() => set({ chart: c })}
                />
                {text.charts[c]}
              </label>
            ))}
          </fieldset>
        </form>

        <div className="explore__output">
          {choices.measures.length === 0 ? (
            <p className="panel">{text.pickMeasure}</p>
          ) : (
            <ChartPanel
              id="explore-result"
              title={title}
              scope={scope}
              note={
                problem
                  ? text.chartProblems[problem]
                  : data
                    ? text.rowsShown(data.rows.length, data.truncated)
                    : undefined
              }
              state={{
                fetching: result.fetching,
                error: result.error,
                retry: () => reexecute({ requestPolicy: 'network-only' }),
              }}
              hasData={data !== undefined}
              empty={data !== undefined && data.rows.length === 0}
              chart={
                spec
                  ? { spec, height: 'var(--chart-height-large, 420px)', maps: geo ? { [MAP_NAME]: geo } : undefined }
                  : undefined
              }
              table={spec ? undefined : table}
            >
              {data && (
                <div className="explore__table">
                  <table>
                    <thead>
                      <tr>
                        {table!.columns.map((c) => (
                          <th key={c.key} scope="col">
                            {c.label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {table!.rows.slice(0, 200).map((row, i) => (
                        <tr key={i}>
                          {table!.columns.map((c) => (
                            <td key={c.key}>
                              {typeof row[c.key] === 'number'
                                ? (row[c.key] as number).toLocaleString(lang)
                                : row[c.key]}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row" colSpan={data.dimensions.length || 1}>
                          {text.totals}
                        </th>
                        {data.totals.map((v, i) => (
                          <td key={i}>{v.toLocaleString(lang)}</td>
                        ))}
                      </tr>
                    </tfoot>
                  </table>
                </div>
              )}
            </ChartPanel>
          )}

          <section className="panel explore__operation" aria-labelledby="explore-operation-title">
            <h2 id="explore-operation-title" className="panel__title">
              {text.operation}
            </h2>
            <pre data-testid="operation-text">{operation.query}</pre>
            <h3 className="panel__hint">{text.variables}</h3>
            <pre data-testid="operation-variables">{JSON.stringify(operation.variables, null, 2)}</pre>
            <div className="explore__actions">
              <button type="button" className="button button--small" onClick={() => void copy()}>
                {copied ? text.copied : text.copy}
              </button>
              <a className="button button--small" href={permalink} data-testid="permalink" title={text.permalinkHint}>
                {text.permalink}
              </a>
            </div>
            <details>
              <summary>{text.curl}</summary>
              <pre>{curlOf(operation, window.location.origin)}</pre>
            </details>
          </section>

          <form
            className="panel explore__save"
            aria-label={text.save}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label className="explore__field">
              <span>{text.name}</span>
              <input name="name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="explore__field explore__field--wide">
              <span>{text.descriptionField}</span>
              <input
                name="description"
                maxLength={2000}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </label>
            <label className="explore__field">
              <span>{text.visibility}</span>
              <select
                name="visibility"
                value={visibility}
                onChange={(e) => setVisibility(e.target.value as typeof visibility)}
              >
                {(['PRIVATE', 'ROLES', 'USERS', 'PUBLIC'] as const).map((v) => (
                  <option key={v} value={v}>
                    {text.visibilities[v]}
                  </option>
                ))}
              </select>
            </label>
            {(visibility === 'ROLES' || visibility === 'USERS') && (
              <label className="explore__field">
                <span>{text.sharedWith}</span>
                <input name="sharedWith" value={sharedWith} onChange={(e) => setSharedWith(e.target.value)} />
              </label>
            )}
            <label className="explore__check">
              <input type="checkbox" name="pin" checked={pin} onChange={(e) => setPin(e.target.checked)} />
              {text.pin}
            </label>
            <button type="submit" className="button" disabled={!name.trim() || saveResult.fetching}>
              {text.save}
            </button>
            {saveResult.data && (
              <p role="status" data-testid="save-status">
                {text.saved(saveResult.data.saveQuery.name)}
              </p>
            )}
            {saveResult.error && <p role="alert">{saveResult.error.message}</p>}
          </form>
        </div>
      </div>
    </section>
  );
}
