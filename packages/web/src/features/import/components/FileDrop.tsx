import { useRef, useState, type DragEvent } from 'react';
import type { ImportMessages } from '../importMessages';

const ACCEPTED = /\.(csv|txt|xlsx)$/i;

interface Props {
  t: ImportMessages;
  disabled: boolean;
  busy: string | null;
  onFile: (file: File) => void;
  onRefused: (message: string) => void;
}

/** A drop zone with a file button: the same file either way. Only CSV and .xlsx are taken. */
export function FileDrop({ t, disabled, busy, onFile, onRefused }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPTED.test(file.name)) return onRefused(t.file.wrongType(file.name));
    onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files[0]);
  };
  return (
    <div
      className={`file-drop${over ? ' file-drop--over' : ''}${disabled ? ' file-drop--disabled' : ''}`}
      data-testid="file-drop"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {busy ? (
        <p role="status">{busy}</p>
      ) : (
        <>
          <p className="file-drop__lead">{t.file.drop}</p>
          <p>
            {t.file.or}{' '}
            <button type="button" className="button" disabled={disabled} onClick={() => input.current?.click()}>
              {t.file.choose}
            </button>
          </p>
          <p className="panel__hint">{disabled ? t.file.needKind : t.file.accepted}</p>
        </>
      )}
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        tabIndex={-1}
        aria-label={t.file.choose}
        onChange={(event) => {
          take(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
    </div>
  );
}
