import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'wouter';
import { StatusMessage } from '../../../components/StatusMessage';
import { useI18n } from '../../../i18n/I18nProvider';
import { useDrillDown } from '../hooks/useDrillDown';
import { useRecordDetail } from '../hooks/useRecordDetail';
import { recordDetail } from '../recordDetail';

interface Props {
  id: string;
  onClose: () => void;
}

/**
 * A record's detail as a modal dialog (the browser's own <dialog>: focus stays inside, Esc closes, the
 * page behind is inert). It lives in the URL (`?record=`), so it can be bookmarked and Back closes it.
 */
export function RecordDetailDialog({ id, onClose }: Props) {
  const { lang, m } = useI18n();
  const text = m.records;
  const { data, fetching, error, retry } = useRecordDetail(id);
  const { href } = useDrillDown();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const mounted = useRef(false);
  const view = useMemo(() => (data?.node ? recordDetail(data.node, { lang, m }) : null), [data, lang, m]);

  useEffect(() => {
    mounted.current = true;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      mounted.current = false;
      dialog?.close();
    };
  }, []);

  let body;
  if (error && !data) body = <StatusMessage kind="error" detail={error.message} onRetry={retry} />;
  else if (!data || (fetching && !view)) body = <StatusMessage kind="loading" />;
  else if (!view) body = <StatusMessage kind="empty" text={text.notFound} />;
  else
    body = view.sections.map((section) => (
      <section key={section.key} className="record-detail__section" aria-labelledby={`detail-${section.key}`}>
        <h3 id={`detail-${section.key}`}>{section.title}</h3>
        <dl className="record-detail__fields">
          {section.fields.map((field) => (
            <div
              key={field.key}
              className={field.wide ? 'record-detail__field record-detail__field--wide' : 'record-detail__field'}
            >
              <dt>{field.label}</dt>
              <dd data-field={field.key}>
                {field.tag ? <span className={`status-tag status-tag--${field.tag}`}>{field.value}</span> : field.value}
                {field.link && (
                  <Link className="record-detail__link" href={href(field.link)}>
                    {field.link.record ? text.openRelated : text.listRelated}
                  </Link>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    ));

  return (
    <dialog
      ref={dialogRef}
      className="record-detail"
      aria-labelledby="record-detail-title"
      data-record-detail={id}
      data-state={view ? 'ready' : error ? 'error' : 'loading'}
      // The `close` event comes later than the close itself: only a close by the browser (not ours on unmount,
      // nor one followed by StrictMode's remount, which opens it again) is the reader's.
      onClose={() => {
        if (mounted.current && !dialogRef.current?.open) onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // A click on the backdrop (the dialog element itself, outside its content) closes it.
      onClick={(event) => {
        if (event.target === dialogRef.current) onClose();
      }}
    >
      <div className="record-detail__content">
        <header className="record-detail__header">
          <div>
            <h2 id="record-detail-title">{view?.title ?? text.detail}</h2>
            {view && <p className="panel__hint">{view.subtitle}</p>}
          </div>
          <button type="button" className="button button--small" onClick={onClose} autoFocus>
            {text.close}
          </button>
        </header>
        <div className="record-detail__body">{body}</div>
      </div>
    </dialog>
  );
}
