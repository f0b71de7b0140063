import { useI18n } from '../i18n/I18nProvider';

type StatusMessageProps =
  { kind: 'loading' } | { kind: 'empty'; text: string } | { kind: 'error'; detail: string; onRetry: () => void };

// Loading, empty and error states look the same in every panel.
export function StatusMessage(props: StatusMessageProps) {
  const { m } = useI18n();
  switch (props.kind) {
    case 'loading':
      return (
        <p className="status status--loading" role="status">
          {m.status.loading}
        </p>
      );
    case 'empty':
      return <p className="status status--empty">{props.text}</p>;
    case 'error':
      return (
        <div className="status status--error" role="alert">
          <p>{m.status.loadFailed(props.detail)}</p>
          <button type="button" className="button" onClick={props.onRetry}>
            {m.status.retry}
          </button>
        </div>
      );
  }
}
