// The frame of every chart: a title saying what it counts and a line saying over which period and where,
// the loading / empty / error states, PNG export and the chart's data as CSV. Panels that show a list
// rather than a chart use it too (without `chart`), for the same header, states and CSV.
import type { EChartsType } from 'echarts/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useWallMode } from '../hooks/wallMode';
import { useI18n } from '../i18n/I18nProvider';
import { chartBackground } from '../theme/chartTheme';
import type { ChartClick, ChartSpec, FeatureCollection } from './chartOption';
import { toCsv, type DataTable } from './dataTable';
import { fileNameOf, saveCsv, saveDataUrl } from './download';
import { downloadFromHub } from '../graphql/hubFetch';
import type { Lang } from '../i18n/lang';
import { LazyEChart } from './LazyEChart';
import { StatusMessage } from './StatusMessage';
import type { QueryState } from '../graphql/useHubQuery';

export interface ChartPanelProps {
  /** Unique on the page: element ids and the data-panel attribute the browser tests look for. */
  id: string;
  /** What the chart counts, e.g. 分行业月度事故起数. */
  title: string;
  /** Over which period and where, e.g. 2014年 · 全县 · 全部行业. */
  scope: string;
  /** A caveat shown after the scope (e.g. a filter the figures do not follow). */
  note?: string;
  /** One line on how to read or use the panel. */
  description?: string;
  state: QueryState;
  /** False while the query has no answer yet. */
  hasData: boolean;
  /** Nothing to draw (default: the table has no rows). */
  empty?: boolean;
  /** What the empty state says (default: no data for this selection). */
  emptyText?: string;
  chart?: {
    spec: ChartSpec;
    height: string;
    maps?: Readonly<Record<string, FeatureCollection>>;
    onClick?: (params: ChartClick) => void;
  };
  /** The CSV of a panel without a chart. */
  table?: DataTable;
  /**
   * A list of records: its downloads are the server's export of every record under the API filter (the
   * server decides what the caller may see), not the rows on screen. `what` is an /export/<what> list.
   */
  serverExport?: ServerExport;
  /** Controls beside the title (e.g. a metric switch). */
  controls?: ReactNode;
  /** Content shown with the chart (figures, lists). */
  children?: ReactNode;
  className?: string;
}

export interface ServerExport {
  what: 'accidents' | 'hazards' | 'inspections' | 'tasks' | 'investigations' | 'emergency-plans' | 'drills';
  /** The API's filter of the list (AccidentFilter, HazardFilter, ...), as the list's query sends it. */
  filter: unknown;
}

/** Where the server's export of a list is, in the reader's language. */
export function serverExportPath(exported: ServerExport, format: 'csv' | 'xlsx', lang: Lang): string {
  const params = new URLSearchParams({
    filter: JSON.stringify(exported.filter ?? {}),
    lang: lang === 'en' ? 'en' : 'zh',
  });
  return `/export/${exported.what}.${format}?${params}`;
}

export function ChartPanel(props: ChartPanelProps) {
  const { id, title, scope, note, description, state, hasData, emptyText, chart, controls, children, className } =
    props;
  const { lang, m } = useI18n();
  const { wall } = useWallMode();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [chartReady, setChartReady] = useState(false);
  const onChart = useCallback((instance: EChartsType | null) => {
    chartRef.current = instance;
    setChartReady(instance !== null);
  }, []);

  const table = chart?.spec.table ?? props.table;
  const empty = hasData && (props.empty ?? (table !== undefined && table.rows.length === 0));
  const showChart = hasData && !empty && chart !== undefined;
  const titleId = `${id}-title`;

  const exportPng = () => {
    const instance = chartRef.current;
    if (!instance) return;
    const url = instance.getDataURL({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: chartBackground(wall ? 'dark' : 'light'),
    });
    saveDataUrl(url, fileNameOf([title, scope], 'png'));
  };
  const downloadCsv = () => table && saveCsv(toCsv(table), fileNameOf([title, scope], 'csv'));
  // The figures as a workbook: the server writes it from the table (no spreadsheet library in the dashboard).
  const fromServer = (path: string, format: 'csv' | 'xlsx', body?: unknown) => {
    setDownloadError(null);
    downloadFromHub(path, fileNameOf([title, scope], format), lang, body).catch((e: Error) =>
      setDownloadError(m.panel.downloadFailed(e.message)),
    );
  };
  const downloadXlsx = () =>
    table &&
    fromServer('/export/table.xlsx', 'xlsx', {
      sheet: title,
      columns: table.columns.map((column) => column.label),
      rows: table.rows.map((row) => table.columns.map((column) => row[column.key] ?? null)),
    });
  const { serverExport } = props;

  let body: ReactNode;
  if (state.error && !hasData) body = <StatusMessage kind="error" detail={state.error.message} onRetry={state.retry} />;
  else if (!hasData) body = <StatusMessage kind="loading" />;
  else if (empty) body = <StatusMessage kind="empty" text={emptyText ?? m.status.noData} />;
  else
    body = (
      <>
        {showChart && (
          <LazyEChart
            option={chart.spec.option}
            height={chart.height}
            maps={chart.maps}
            onClick={chart.onClick}
            onChart={onChart}
          />
        )}
        {children}
      </>
    );

  return (
    <section
      className={`panel chart-panel${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-busy={state.fetching}
      data-panel={id}
      data-state={state.error && !hasData ? 'error' : !hasData ? 'loading' : empty ? 'empty' : 'ready'}
    >
      <header className="chart-panel__header">
        <div className="chart-panel__heading">
          <h2 id={titleId} className="panel__title">
            {title}
          </h2>
          <p className="panel__hint">
            {scope}
            {note && <span className="chart-panel__note"> · {note}</span>}
          </p>
          {description && <p className="panel__hint">{description}</p>}
        </div>
        <div className="chart-panel__controls">
          {controls}
          {!wall && (
            <div className="chart-panel__actions" role="group" aria-label={m.panel.actions(title)}>
              {showChart && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={exportPng}
                  disabled={!chartReady}
                  aria-label={m.panel.exportPngLabel(title)}
                  title={m.panel.exportPngLabel(title)}
                >
                  {m.panel.exportPng}
                </button>
              )}
              {hasData && table && table.rows.length > 0 && !serverExport && (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={downloadCsv}
                    aria-label={m.panel.downloadCsvLabel(title)}
                    title={m.panel.downloadCsvLabel(title)}
                  >
                    {m.panel.downloadCsv}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={downloadXlsx}
                    aria-label={m.panel.downloadXlsxLabel(title)}
                    title={m.panel.downloadXlsxLabel(title)}
                  >
                    {m.panel.downloadXlsx}
                  </button>
                </>
              )}
              {hasData && serverExport && !empty && (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => fromServer(serverExportPath(serverExport, 'csv', lang), 'csv')}
                    aria-label={m.panel.exportAllLabel(title, 'CSV')}
                    title={m.panel.exportAllLabel(title, 'CSV')}
                  >
                    {m.panel.exportAllCsv}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => fromServer(serverExportPath(serverExport, 'xlsx', lang), 'xlsx')}
                    aria-label={m.panel.exportAllLabel(title, 'Excel')}
                    title={m.panel.exportAllLabel(title, 'Excel')}
                  >
                    {m.panel.exportAllXlsx}
                  </button>
                </>
              )}
            </div>
          )}
        </div>
      </header>
      {downloadError && (
        <p className="status status--error" role="alert">
          {downloadError}
        </p>
      )}
      {state.error && hasData && <StatusMessage kind="error" detail={state.error.message} onRetry={state.retry} />}
      {body}
    </section>
  );
}
