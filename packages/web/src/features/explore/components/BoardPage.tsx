// 我的看板: the caller's pinned saved charts, each drawn with the Explore page's builders by running the saved
// query by id (`runSavedQuery`), and the saved queries the caller may see.
import { useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { ChartPanel } from '../../../components/ChartPanel';
import { useHubQuery } from '../../../graphql/useHubQuery';
import type { SavedQueryCardFragment } from '../../../graphql/generated/graphql';
import { useI18n } from '../../../i18n/I18nProvider';
import { exploreChart, exploreTable, type ExploreResultData } from '../charts/exploreChart';
import { encodeChoices, type ChartType, type Dataset } from '../exploreOperation';
import { BoardQuery, PinQueryMutation } from '../graphql/savedQueries';

const RUN = `query RunSavedQuery($id: ID!) {
  runSavedQuery(id: $id) {
    dimensions { key label { zh en } }
    measures { key label { zh en } }
    rows { dimensions { key label { zh en } } measures }
    totals
    truncated
  }
}`;

function hrefOf(q: SavedQueryCardFragment): string {
  const op = q.operation as { measures: string[]; dimensions: string[]; filter?: Record<string, unknown> | null };
  const choices = {
    dataset: q.dataset as Dataset,
    measures: op.measures,
    dimensions: op.dimensions,
    filter: op.filter ?? {},
    chart: q.chartType as ChartType,
  };
  return `/explore?${new URLSearchParams({ saved: q.id, q: encodeChoices(choices) }).toString()}`;
}

function PinnedChart({ q }: { q: SavedQueryCardFragment }) {
  const { lang, m } = useI18n();
  const [result, reexecute] = useQuery<{ runSavedQuery: ExploreResultData }>({ query: RUN, variables: { id: q.id } });
  const data = result.data?.runSavedQuery;
  const spec = useMemo(
    () => (data ? exploreChart(data, q.chartType as ChartType, { lang, description: q.name }) : null),
    [data, q.chartType, q.name, lang],
  );
  return (
    <ChartPanel
      id={`board-${q.id}`}
      className="page-grid__span-6"
      title={q.name}
      scope={`${m.explore.datasets[q.dataset as Dataset]} · ${q.ownerName}`}
      description={q.description ?? undefined}
      state={{
        fetching: result.fetching,
        error: result.error,
        retry: () => reexecute({ requestPolicy: 'network-only' }),
      }}
      hasData={data !== undefined}
      chart={spec ? { spec, height: 'var(--chart-height-small, 280px)' } : undefined}
      table={spec ? undefined : data ? exploreTable(data, lang) : undefined}
      controls={
        <a className="button button--small" href={hrefOf(q)}>
          {m.board.open}
        </a>
      }
    />
  );
}

export default function BoardPage() {
  const { m } = useI18n();
  const board = useHubQuery(
    BoardQuery,
    useMemo(() => ({}), []),
  );
  const [, pin] = useMutation(PinQueryMutation);
  const pinned = (board.data?.pinned ?? []) as SavedQueryCardFragment[];
  const all = (board.data?.all ?? []) as SavedQueryCardFragment[];
  const refresh = () => board.retry();
  return (
    <section className="page board" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{m.board.title}</h1>
        <p className="page-header__subtitle">{m.board.intro}</p>
      </header>
      {board.error && <p role="alert">{board.error.message}</p>}
      {board.data && pinned.length === 0 && <p className="panel">{m.board.empty}</p>}
      <div className="page-grid">
        {pinned.map((q) => (
          <PinnedChart key={q.id} q={q} />
        ))}
      </div>
      <section className="panel" aria-labelledby="board-shared">
        <h2 id="board-shared" className="panel__title">
          {m.board.shared}
        </h2>
        <ul className="board__list">
          {all.map((q) => (
            <li key={q.id}>
              <a href={hrefOf(q)}>{q.name}</a> · {m.explore.datasets[q.dataset as Dataset]} · {q.ownerName} ·{' '}
              {m.explore.visibilities[q.visibility]}
              {q.mine && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void pin({ id: q.id, pinned: !q.pinned }).then(refresh)}
                >
                  {q.pinned ? m.board.unpin : m.board.pinAction}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
