import { useMemo, useState } from 'react';
import { StatusMessage } from '../../../components/StatusMessage';
import { downloadFromHub } from '../../../graphql/hubFetch';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { formatCount } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { ImportProblemsQuery } from '../graphql/importPage';
import type { ImportMessages } from '../importMessages';

const PAGE = 50;

interface Props {
  t: ImportMessages;
  jobId: string;
  databaseId: number;
  problemCount: number;
  problemsUrl: string;
}

/** A run's problems, row, column, value and reason, 50 a page (the server keeps up to 100,000), and as CSV. */
export function ProblemList({ t, jobId, databaseId, problemCount, problemsUrl }: Props) {
  const { lang } = useI18n();
  const [offset, setOffset] = useState(0);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const variables = useMemo(() => ({ jobId, first: PAGE, offset }), [jobId, offset]);
  const { data, ...state } = useHubQuery(ImportProblemsQuery, variables);
  const page = data?.importProblems;
  const total = page?.totalCount ?? problemCount;
  const download = () =>
    downloadFromHub(
      `${problemsUrl}?lang=${lang === 'zh-CN' ? 'zh' : 'en'}`,
      lang === 'zh-CN' ? `导入${databaseId}问题清单.csv` : `import-${databaseId}-problems.csv`,
      lang,
    ).then(
      () => setDownloadError(null),
      (e: Error) => setDownloadError(e.message),
    );
  return (
    <div className="problems" data-testid="problems">
      <div className="problems__header">
        <h3 className="panel__title">{t.check.problems(formatCount(lang, problemCount))}</h3>
        <button type="button" className="button button--small" onClick={download}>
          {t.check.download}
        </button>
        {downloadError && (
          <span className="import-error" role="alert">
            {downloadError}
          </span>
        )}
      </div>
      {state.error && !page ? (
        <StatusMessage kind="error" detail={state.error.message} onRetry={state.retry} />
      ) : !page ? (
        <StatusMessage kind="loading" />
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table problems__table">
              <thead>
                <tr>
                  <th scope="col" className="data-table__number">
                    {t.check.row}
                  </th>
                  <th scope="col">{t.check.column}</th>
                  <th scope="col">{t.check.value}</th>
                  <th scope="col">{t.check.reason}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((p, i) => (
                  <tr key={offset + i} data-row={p.row} data-code={p.code}>
                    <td className="data-table__number">{p.row}</td>
                    <td className="data-table__nowrap">{p.column}</td>
                    <td className="data-table__clip" title={p.value ?? ''}>
                      {p.value}
                    </td>
                    <td>{lang === 'zh-CN' ? p.reasonZh : p.reasonEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > PAGE && (
            <nav className="pager" aria-label={t.check.problems(formatCount(lang, total))}>
              <button
                type="button"
                className="button button--small"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t.check.previous}
              </button>
              <span className="pager__status">
                {t.check.page(
                  formatCount(lang, offset + 1),
                  formatCount(lang, Math.min(offset + PAGE, total)),
                  formatCount(lang, total),
                )}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={offset + PAGE >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t.check.next}
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
