import { useCallback, useEffect, useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { StatusMessage } from '../../../components/StatusMessage';
import { markDataChanged } from '../../../graphql/dataVersion';
import type { ImportJobFieldsFragment, ImportKind } from '../../../graphql/generated/graphql';
import { downloadFromHub, hubFetch, refusalOf } from '../../../graphql/hubFetch';
import { useHubQuery } from '../../../graphql/useHubQuery';
import { formatCount, formatPercent } from '../../../i18n/format';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorText } from '../errorText';
import { ImportFilePreviewQuery, ImportKindsQuery, StartImportMutation } from '../graphql/importPage';
import { useImportJob } from '../hooks/useImportJob';
import { IMPORT_MESSAGES } from '../importMessages';
import { autoMatch, definitionOf, draftOf, sameDraft, type MappingDraft } from '../mappingDraft';
import { FileDrop } from './FileDrop';
import { ImportHistory } from './ImportHistory';
import { MappingEditor, type SavedMapping } from './MappingEditor';
import { ProblemList } from './ProblemList';

interface UploadedFile {
  id: string;
  name: string;
  size: number;
}

const ENCODINGS = ['utf-8', 'gbk', 'gb18030'] as const;
// Where an import kind's records are listed, when Records lists them.
const RECORDS_KIND: Partial<Record<ImportKind, string>> = {
  ACCIDENT: 'accidents',
  HAZARD: 'hazards',
  INSPECTION: 'inspections',
};

// 数据导入: choose the kind, upload a file, preview it and match its columns (or pick a saved mapping), check
// it (the dry run's problems by row, column, value and reason), import all or the valid rows only, watch
// the progress, and see and undo past imports. The server does every check; this page shows what it says.
export default function ImportPage() {
  const { lang } = useI18n();
  const t = IMPORT_MESSAGES[lang];
  const langParam = lang === 'zh-CN' ? 'zh' : 'en';
  const kindsQuery = useHubQuery(
    ImportKindsQuery,
    useMemo(() => ({}), []),
  );
  const kinds = useMemo(() => kindsQuery.data?.importKinds ?? [], [kindsQuery.data]);

  const [kind, setKind] = useState<ImportKind | null>(null);
  const kindInfo = kinds.find((k) => k.kind === kind) ?? null;
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<string | null>(null);

  const [commitStart, setCommitStart] = useState<ImportJobFieldsFragment | null>(null);
  const { job: commit, lost } = useImportJob(commitStart);
  // A committed file is removed by the hub: stop asking for its preview, keep showing the last one.
  const committed = commit?.status === 'COMMITTED';
  const previewVariables = useMemo(
    () => (file && kind && !committed ? { fileId: file.id, encoding, kind } : null),
    [file, kind, encoding, committed],
  );
  const previewQuery = useHubQuery(ImportFilePreviewQuery, previewVariables);
  const [preview, setPreview] = useState<typeof previewQuery.data>(undefined);
  useEffect(() => {
    if (previewVariables && previewQuery.data) setPreview(previewQuery.data);
  }, [previewVariables, previewQuery.data]);
  const header = useMemo(() => preview?.importFilePreview.header ?? [], [preview]);
  const rows = useMemo(() => preview?.importFilePreview.rows ?? [], [preview]);
  const mappings: SavedMapping[] = useMemo(() => preview?.importMappings ?? [], [preview]);

  // The mapping: a saved one (by name) as it was saved, or a draft being made.
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<MappingDraft>({});
  const [draftKey, setDraftKey] = useState('');
  const [dryStart, setDryStart] = useState<ImportJobFieldsFragment | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const { job: dry } = useImportJob(dryStart);
  const [starting, startImport] = useMutation(StartImportMutation);

  const clearRuns = () => {
    setDryStart(null);
    setCommitStart(null);
    setActionError(null);
  };

  // A new file, kind or encoding starts the mapping again from the template headers.
  const key = preview && kindInfo ? `${file?.id}|${kind}|${encoding}|${header.join('\u0001')}` : '';
  useEffect(() => {
    if (!key || key === draftKey || !kindInfo) return;
    setDraftKey(key);
    setSelected(null);
    setDraft(autoMatch(kindInfo.fields, header));
  }, [key, draftKey, kindInfo, header]);

  const savedDefinition = mappings.find((m) => m.name === selected)?.definition ?? null;
  const pristine = useMemo(
    () =>
      kindInfo
        ? savedDefinition
          ? draftOf(savedDefinition, kindInfo.fields, header)
          : autoMatch(kindInfo.fields, header)
        : {},
    [kindInfo, savedDefinition, header],
  );
  const modified = !sameDraft(draft, pristine);

  const onSelect = (name: string | null) => {
    if (!kindInfo) return;
    setSelected(name);
    const definition = mappings.find((m) => m.name === name)?.definition;
    setDraft(definition ? draftOf(definition, kindInfo.fields, header) : autoMatch(kindInfo.fields, header));
    clearRuns();
  };
  const onDraft = (next: MappingDraft) => {
    setDraft(next);
    clearRuns();
  };
  const onSaved = (mapping: SavedMapping) => {
    setSelected(mapping.name);
    previewQuery.retry();
  };

  const chooseKind = (next: ImportKind | null) => {
    setKind(next);
    setPreview(undefined);
    setDraftKey('');
    clearRuns();
  };

  const upload = async (chosen: File) => {
    setFileError(null);
    setUploading(t.file.uploading(chosen.name));
    clearRuns();
    try {
      const response = await hubFetch(`/import/files?name=${encodeURIComponent(chosen.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: chosen,
      });
      if (!response.ok) throw await refusalOf(response, lang);
      const stored = (await response.json()) as { id: string; size: number };
      setEncoding(null);
      setPreview(undefined);
      setDraftKey('');
      setFile({ id: stored.id, name: chosen.name, size: stored.size });
    } catch (e) {
      setFileError(t.file.uploadFailed(e instanceof TypeError ? t.file.unreachable : (e as Error).message));
    } finally {
      setUploading(null);
    }
  };

  const start = async (dryRun: boolean, validOnly: boolean) => {
    if (!file || !kindInfo) return;
    setActionError(null);
    const mapping =
      selected && !modified ? { mappingName: selected } : { mapping: definitionOf(draft, savedDefinition ?? {}) };
    const result = await startImport({
      input: { fileId: file.id, kind: kindInfo.kind, dryRun, validOnly, encoding, ...mapping },
    });
    if (result.error) return setActionError(errorText(result.error, lang));
    const job = result.data?.startImport ?? null;
    if (dryRun) {
      setDryStart(job);
      setCommitStart(null);
    } else setCommitStart(job);
  };

  // When a commit ends, the history and the dashboard's figures are out of date.
  const committedStatus = commit && commit.status !== 'RUNNING' ? commit.status : null;
  useEffect(() => {
    if (!committedStatus) return;
    if (committedStatus === 'COMMITTED') markDataChanged();
    setHistoryKey((k) => k + 1);
  }, [committedStatus]);
  const dryStatus = dry && dry.status !== 'RUNNING' ? dry.status : null;
  useEffect(() => {
    if (dryStatus) setHistoryKey((k) => k + 1);
  }, [dryStatus]);

  const restart = useCallback(() => {
    setFile(null);
    setPreview(undefined);
    setDraftKey('');
    clearRuns();
  }, []);

  const templateLink = (format: 'csv' | 'xlsx') =>
    kindInfo && (
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          downloadFromHub(
            `/import/templates/${kindInfo.cliName}.${format}?lang=${langParam}`,
            `${lang === 'zh-CN' ? `${kindInfo.labelZh}导入模板` : `${kindInfo.cliName}-template`}.${format}`,
            lang,
          ).catch((e: Error) => setFileError(e.message))
        }
      >
        {format === 'csv' ? t.kind.templateCsv : t.kind.templateXlsx}
      </button>
    );

  const count = (n: number) => formatCount(lang, n);
  const committing = commit?.status === 'RUNNING';
  const recordsKind = kindInfo ? RECORDS_KIND[kindInfo.kind] : undefined;

  return (
    <div className="page import-page">
      <header className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="page-header__subtitle">{t.subtitle}</p>
        </div>
      </header>

      <div className="import-grid">
        <section className="panel import-step" aria-labelledby="import-kind-title" data-step="kind">
          <h2 id="import-kind-title" className="panel__title">
            {t.steps.kind}
          </h2>
          {kindsQuery.error && !kindsQuery.data ? (
            <StatusMessage kind="error" detail={errorText(kindsQuery.error, lang)} onRetry={kindsQuery.retry} />
          ) : (
            <>
              <p className="form-row">
                <label htmlFor="import-kind">{t.kind.label}</label>
                <select
                  id="import-kind"
                  value={kind ?? ''}
                  onChange={(event) => chooseKind((event.target.value || null) as ImportKind | null)}
                >
                  <option value="">{t.kind.choose}</option>
                  {kinds.map((k) => (
                    <option key={k.kind} value={k.kind}>
                      {lang === 'zh-CN' ? k.labelZh : k.labelEn}
                    </option>
                  ))}
                </select>
              </p>
              {kindInfo && (
                <div className="import-step__templates">
                  <p className="form-row">
                    <span>{t.kind.template}</span>
                    {templateLink('xlsx')}
                    {templateLink('csv')}
                  </p>
                  <p className="panel__hint">
                    {t.kind.fields(kindInfo.fields.length, kindInfo.fields.filter((f) => f.required).length)} ·{' '}
                    {t.kind.templateHint}
                  </p>
                </div>
              )}
            </>
          )}
        </section>

        <section className="panel import-step" aria-labelledby="import-file-title" data-step="file">
          <h2 id="import-file-title" className="panel__title">
            {t.steps.file}
          </h2>
          {file && !uploading ? (
            <div className="file-summary" data-testid="file-summary">
              <dl className="file-summary__facts">
                <div>
                  <dt>{t.file.name}</dt>
                  <dd>{file.name}</dd>
                </div>
                <div>
                  <dt>{t.file.size}</dt>
                  <dd>{t.bytes(file.size)}</dd>
                </div>
                <div>
                  <dt>{t.file.format}</dt>
                  <dd>{preview?.importFilePreview.format ?? '…'}</dd>
                </div>
                {preview?.importFilePreview.format === 'CSV' && (
                  <div>
                    <dt>{t.file.encoding}</dt>
                    <dd data-testid="file-encoding">
                      <select
                        aria-label={t.file.encodingForce}
                        value={encoding ?? ''}
                        onChange={(event) => {
                          setEncoding(event.target.value || null);
                          clearRuns();
                        }}
                      >
                        <option value="">
                          {t.file.encodingAuto}: {preview.importFilePreview.encoding?.toUpperCase() ?? '—'}
                        </option>
                        {ENCODINGS.map((e) => (
                          <option key={e} value={e}>
                            {t.file.encodingForce} {e.toUpperCase()}
                          </option>
                        ))}
                      </select>
                    </dd>
                  </div>
                )}
              </dl>
              <button type="button" className="button button--small" onClick={restart} disabled={committing}>
                {t.file.replace}
              </button>
            </div>
          ) : (
            <FileDrop
              t={t}
              disabled={!kind}
              busy={uploading}
              onFile={upload}
              onRefused={(message) => setFileError(message)}
            />
          )}
          {fileError && (
            <p className="import-error" role="alert">
              {fileError}
            </p>
          )}
          {previewVariables && previewQuery.error && (
            <StatusMessage kind="error" detail={errorText(previewQuery.error, lang)} onRetry={previewQuery.retry} />
          )}
        </section>
      </div>

      {file && kindInfo && preview && (
        <section className="panel import-step" aria-labelledby="import-mapping-title" data-step="mapping">
          <h2 id="import-mapping-title" className="panel__title">
            {t.steps.mapping}
          </h2>
          <h3 className="panel__hint">{t.preview.title(rows.length)}</h3>
          {rows.length === 0 ? (
            <StatusMessage kind="empty" text={t.preview.empty} />
          ) : (
            <div className="table-scroll import-preview">
              <table className="data-table" data-testid="preview">
                <thead>
                  <tr>
                    <th scope="col" className="data-table__number">
                      {t.preview.row}
                    </th>
                    {header.map((h, i) => (
                      <th key={i} scope="col" className="data-table__nowrap">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, r) => (
                    <tr key={r}>
                      <td className="data-table__number">{r + 2}</td>
                      {header.map((_, c) => (
                        <td key={c} className="data-table__clip" title={row[c] ?? ''}>
                          {row[c] ?? ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <MappingEditor
            key={draftKey}
            t={t}
            kind={kindInfo.kind}
            fields={kindInfo.fields}
            header={header}
            rows={rows}
            mappings={mappings}
            selected={selected}
            modified={modified}
            draft={draft}
            onSelect={onSelect}
            onDraft={onDraft}
            onSaved={onSaved}
          />
        </section>
      )}

      {file && kindInfo && preview && (
        <section className="panel import-step" aria-labelledby="import-check-title" data-step="check">
          <h2 id="import-check-title" className="panel__title">
            {t.steps.check}
          </h2>
          <p className="form-row">
            <button
              type="button"
              className="button button--primary"
              disabled={starting.fetching || dry?.status === 'RUNNING' || committing}
              onClick={() => start(true, false)}
            >
              {dry ? t.check.again : t.check.run}
            </button>
            {dry?.status === 'RUNNING' && <JobProgress t={t} job={dry} label={t.check.running} />}
          </p>
          {actionError && (
            <p className="import-error" role="alert">
              {actionError}
            </p>
          )}
          {dry && dry.status !== 'RUNNING' && (
            <div className="import-result" data-testid="dry-run" data-status={dry.status}>
              {dry.status === 'FAILED' || dry.status === 'ABANDONED' ? (
                <p className="import-error" role="alert">
                  {t.check.failed(dry.error ?? t.statuses[dry.status])}
                </p>
              ) : (
                <p role="status">
                  {t.check.summary(
                    count(dry.rowsRead),
                    count(dry.rowsValid),
                    count(dry.rowsInvalid),
                    count(dry.rowsSkipped),
                  )}
                  {dry.status === 'VALIDATED' && <> {t.check.allValid}</>}
                </p>
              )}
              {dry.problemCount > 0 && (
                <ProblemList
                  t={t}
                  jobId={dry.id}
                  databaseId={dry.databaseId}
                  problemCount={dry.problemCount}
                  problemsUrl={dry.problemsUrl}
                />
              )}
            </div>
          )}
        </section>
      )}

      {dry && (dry.status === 'VALIDATED' || dry.status === 'INVALID') && (
        <section className="panel import-step" aria-labelledby="import-commit-title" data-step="commit">
          <h2 id="import-commit-title" className="panel__title">
            {t.steps.commit}
          </h2>
          {!commit || commit.status === 'RUNNING' ? (
            dry.rowsInserted === 0 ? (
              <p role="status">{t.commit.nothingNew}</p>
            ) : dry.status === 'VALIDATED' ? (
              <p className="form-row">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={starting.fetching || committing}
                  onClick={() => start(false, false)}
                >
                  {t.commit.all(count(dry.rowsInserted))}
                </button>
              </p>
            ) : (
              <div className="import-choice">
                <p>{t.commit.validOnlyExplain(count(dry.rowsInvalid))}</p>
                <p className="form-row">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={starting.fetching || committing}
                    onClick={() => start(false, true)}
                  >
                    {t.commit.validOnly(count(dry.rowsValid))}
                  </button>
                </p>
              </div>
            )
          ) : null}
          {commit && commit.status === 'RUNNING' && (
            <JobProgress t={t} job={commit} label={t.commit.running} stalled={lost} />
          )}
          {commit && commit.status !== 'RUNNING' && (
            <div className="import-result" data-testid="commit" data-status={commit.status} role="status">
              {commit.status === 'COMMITTED' ? (
                <p className="import-ok">
                  {commit.validOnly
                    ? t.commit.doneValidOnly(count(commit.rowsInserted), count(commit.rowsInvalid))
                    : t.commit.done(count(commit.rowsInserted), count(commit.rowsSkipped))}
                </p>
              ) : commit.status === 'INVALID' ? (
                <p className="import-error">{t.commit.invalid}</p>
              ) : (
                <p className="import-error">{t.commit.failed(commit.error ?? t.statuses[commit.status])}</p>
              )}
              <p className="form-row">
                {commit.status === 'COMMITTED' && recordsKind && (
                  <Link className="button" href={`/records?kind=${recordsKind}&lang=${langParam}`}>
                    {t.commit.viewRecords}
                  </Link>
                )}
                <button type="button" className="button" onClick={restart}>
                  {t.commit.another}
                </button>
              </p>
            </div>
          )}
        </section>
      )}

      <ImportHistory t={t} kinds={kinds} refreshKey={historyKey} />
    </div>
  );
}

function JobProgress({
  t,
  job,
  label,
  stalled = false,
}: {
  t: (typeof IMPORT_MESSAGES)['zh-CN'];
  job: ImportJobFieldsFragment;
  label: string;
  stalled?: boolean;
}) {
  const { lang } = useI18n();
  return (
    <span className="job-progress" data-testid="job-progress" aria-busy={!stalled}>
      <span>{label}</span>
      <progress max={1} value={job.progress} aria-label={label} />
      <span>{t.commit.progress(formatPercent(lang, job.progress, 0), formatCount(lang, job.rowsRead))}</span>
    </span>
  );
}
