import { useEffect, useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { StatusMessage } from '../../../components/StatusMessage';
import { markDataChanged } from '../../../graphql/dataVersion';
import type { ImportJobFieldsFragment } from '../../../graphql/generated/graphql';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { formatCount, formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorText } from '../errorText';
import { ImportHistoryQuery, UndoImportMutation } from '../graphql/importPage';
import type { ImportMessages } from '../importMessages';
import type { ImportKindInfo } from '../mappingDraft';

interface Props {
  t: ImportMessages;
  kinds: readonly ImportKindInfo[];
  /** Changes when an import finishes, so the history asks again. */
  refreshKey: number;
}

/** Who imported what and when, with the counts and the outcome; a committed import can be undone. */
export function ImportHistory({ t, kinds, refreshKey }: Props) {
  const { lang } = useI18n();
  const [first, setFirst] = useState(10);
  const variables = useMemo(() => ({ first, after: null }), [first]);
  const { data, ...state } = useHubQuery(ImportHistoryQuery, variables);
  const { retry } = state;
  useEffect(() => {
    if (refreshKey > 0) retry();
  }, [refreshKey, retry]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [undoing, undo] = useMutation(UndoImportMutation);
  const kindLabel = (kind: string) => {
    const k = kinds.find((x) => x.kind === kind);
    return k ? (lang === 'zh-CN' ? k.labelZh : k.labelEn) : kind;
  };
  const onUndo = async (job: ImportJobFieldsFragment) => {
    const result = await undo({ id: job.id });
    if (result.error) setUndoError(t.history.undoFailed(errorText(result.error, lang)));
    else {
      setUndoError(null);
      setConfirming(null);
      markDataChanged();
      state.retry();
    }
  };
  const jobs = data?.importJobs;
  return (
    <section className="panel import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title" className="panel__title">
        {t.history.title}
      </h2>
      {undoError && (
        <p className="import-error" role="alert">
          {undoError}
        </p>
      )}
      {state.error && !jobs ? (
        <StatusMessage kind="error" detail={state.error.message} onRetry={state.retry} />
      ) : !jobs ? (
        <StatusMessage kind="loading" />
      ) : jobs.nodes.length === 0 ? (
        <StatusMessage kind="empty" text={t.history.empty} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.history.when}</th>
                <th scope="col">{t.history.who}</th>
                <th scope="col">{t.history.kind}</th>
                <th scope="col">{t.history.file}</th>
                <th scope="col" className="data-table__number">
                  {t.history.counts}
                </th>
                <th scope="col">{t.history.status}</th>
                <th scope="col">{t.history.actions}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.nodes.map((job) => (
                <tr key={job.id} data-job={job.databaseId} data-status={job.status}>
                  <td className="data-table__nowrap">{formatDateTime(lang, job.createdAt)}</td>
                  <td className="data-table__nowrap">{job.importedBy}</td>
                  <td className="data-table__nowrap">{kindLabel(job.kind)}</td>
                  <td className="data-table__clip" title={job.fileName}>
                    {job.fileName}
                  </td>
                  <td className="data-table__number data-table__nowrap">
                    {formatCount(lang, job.rowsInserted)} / {formatCount(lang, job.rowsSkipped)} /{' '}
                    {formatCount(lang, job.rowsInvalid)}
                  </td>
                  <td>
                    <span className={`status-tag import-status import-status--${job.status.toLowerCase()}`}>
                      {t.statuses[job.status]}
                    </span>
                    {job.dryRun && <span className="panel__hint"> · {t.history.dryRun}</span>}
                    {job.validOnly && <span className="panel__hint"> · {t.history.validOnly}</span>}
                    {job.undoneAt && job.undoneBy && (
                      <span className="panel__hint import-history__undone">
                        {t.history.undone(job.undoneBy, formatDateTime(lang, job.undoneAt))}
                      </span>
                    )}
                  </td>
                  <td>
                    {job.status === 'COMMITTED' &&
                      (confirming === job.id ? (
                        <div className="undo-confirm" role="group" aria-label={t.history.undo}>
                          <p>{t.history.undoConfirm(job.fileName, formatCount(lang, job.rowsInserted))}</p>
                          <button
                            type="button"
                            className="button button--small button--danger"
                            disabled={undoing.fetching}
                            onClick={() => onUndo(job)}
                          >
                            {t.history.undoYes}
                          </button>{' '}
                          <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                            {t.history.undoNo}
                          </button>
                        </div>
                      ) : (
                        <button type="button" className="button button--small" onClick={() => setConfirming(job.id)}>
                          {t.history.undo}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {jobs.pageInfo.hasNextPage && (
            <button type="button" className="button button--small" onClick={() => setFirst(first + 10)}>
              {t.history.more}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
