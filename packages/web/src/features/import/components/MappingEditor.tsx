import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import type { ImportKind } from '../../../graphql/generated/graphql';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorText } from '../errorText';
import { SaveImportMappingMutation } from '../graphql/importPage';
import type { ImportMessages } from '../importMessages';
import {
  definitionOf,
  missingRequired,
  untranslatedValues,
  type ImportField,
  type MappingDraft,
  type Translation,
} from '../mappingDraft';

export interface SavedMapping {
  name: string;
  definition: Record<string, unknown>;
}

interface Props {
  t: ImportMessages;
  kind: ImportKind;
  fields: readonly ImportField[];
  header: readonly string[];
  rows: readonly (readonly string[])[];
  mappings: readonly SavedMapping[];
  /** The saved mapping the draft started from (null: the template headers). */
  selected: string | null;
  modified: boolean;
  draft: MappingDraft;
  onSelect: (name: string | null) => void;
  onDraft: (draft: MappingDraft) => void;
  onSaved: (mapping: SavedMapping) => void;
}

/** Which column fills each field, value translations, and saving it all under a name. */
export function MappingEditor(props: Props) {
  const { t, kind, fields, header, rows, mappings, selected, modified, draft, onSelect, onDraft, onSaved } = props;
  const { lang } = useI18n();
  const [name, setName] = useState(selected ?? '');
  // Choosing a saved mapping offers its name for saving changes back.
  useEffect(() => {
    if (selected) setName(selected);
  }, [selected]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, save] = useMutation(SaveImportMappingMutation);
  const missing = missingRequired(fields, draft);

  const setChoice = (field: string, column: string | null) =>
    onDraft({
      ...draft,
      [field]: { column, translations: column === draft[field]?.column ? draft[field]!.translations : [] },
    });
  const setTranslations = (field: string, translations: Translation[]) =>
    onDraft({ ...draft, [field]: { column: draft[field]?.column ?? null, translations } });

  const onSave = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const base = mappings.find((m) => m.name === selected)?.definition ?? {};
    const result = await save({ input: { name: trimmed, kind, definition: definitionOf(draft, base) } });
    if (result.error) return setMessage({ ok: false, text: t.mapping.saveFailed(errorText(result.error, lang)) });
    if (result.data) {
      onSaved({ name: result.data.saveImportMapping.name, definition: result.data.saveImportMapping.definition });
      setMessage({ ok: true, text: t.mapping.saved_(trimmed) });
    }
  };

  const labelOf = (field: ImportField, value: string) => {
    const found = field.allowedLabels.find((l) => l.value === value);
    return found ? (lang === 'zh-CN' ? found.labelZh : found.labelEn) : value;
  };

  return (
    <div className="mapping" data-testid="mapping">
      <p className="form-row">
        <label htmlFor="import-mapping-choice">{t.mapping.choose}</label>
        <select
          id="import-mapping-choice"
          value={selected ?? ''}
          onChange={(event) => onSelect(event.target.value || null)}
        >
          <option value="">{t.mapping.byTemplate}</option>
          {mappings.map((m) => (
            <option key={m.name} value={m.name}>
              {t.mapping.saved(m.name)}
            </option>
          ))}
        </select>
        {modified && <span className="panel__hint">{t.mapping.modified}</span>}
      </p>
      {missing.length > 0 && (
        <p className="import-warning" role="note">
          {t.mapping.missingRequired(missing.map((f) => f.header).join('、'))}
        </p>
      )}
      <div className="table-scroll table-scroll--tall">
        <table className="data-table mapping__table">
          <thead>
            <tr>
              <th scope="col">{t.mapping.field}</th>
              <th scope="col">{t.mapping.column}</th>
              <th scope="col">{t.mapping.sample}</th>
              <th scope="col">{t.mapping.translations}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const choice = draft[field.name];
              const index = choice?.column ? header.indexOf(choice.column) : -1;
              const sample = index >= 0 ? (rows[0]?.[index] ?? '') : '';
              const unknown = untranslatedValues(field, choice, header, rows);
              const hint = lang === 'zh-CN' ? field.hintZh : field.hintEn;
              return (
                <tr key={field.name} data-field={field.name}>
                  <th scope="row" className="mapping__field">
                    {lang === 'zh-CN' ? field.header : field.name}
                    {field.required && <span className="mapping__required"> *{t.mapping.required}</span>}
                    {hint && <span className="panel__hint mapping__hint">{hint}</span>}
                  </th>
                  <td>
                    <select
                      aria-label={`${field.header} — ${t.mapping.column}`}
                      value={choice?.column ?? ''}
                      onChange={(event) => setChoice(field.name, event.target.value || null)}
                    >
                      <option value="">{t.mapping.none}</option>
                      {header.map((h, i) => (
                        <option key={`${h}-${i}`} value={h}>
                          {h || `(${i + 1})`}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="data-table__clip" title={sample}>
                    {sample}
                  </td>
                  <td>
                    <Translations
                      t={t}
                      field={field}
                      translations={choice?.translations ?? []}
                      unknown={unknown}
                      disabled={!choice?.column}
                      labelOf={(v) => labelOf(field, v)}
                      onChange={(next) => setTranslations(field.name, next)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-row">
        <label htmlFor="import-mapping-name">{t.mapping.saveName}</label>
        <input
          id="import-mapping-name"
          type="text"
          value={name}
          maxLength={80}
          placeholder={t.mapping.saveNamePlaceholder}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="button" className="button" disabled={!name.trim() || saving.fetching} onClick={onSave}>
          {t.mapping.save}
        </button>
        {message && (
          <span className={message.ok ? 'import-ok' : 'import-error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </span>
        )}
      </div>
    </div>
  );
}

interface TranslationsProps {
  t: ImportMessages;
  field: ImportField;
  translations: readonly Translation[];
  unknown: readonly string[];
  disabled: boolean;
  labelOf: (value: string) => string;
  onChange: (translations: Translation[]) => void;
}

/** Value translations of one field: the unknown values of the preview first, then any the person adds. */
function Translations({ t, field, translations, unknown, disabled, labelOf, onChange }: TranslationsProps) {
  if (disabled) return null;
  const enumField = field.allowedLabels.length > 0;
  // Unknown values of the preview are offered as rows to fill; filling one makes it a translation.
  const placeholders = unknown.filter((u) => !translations.some((r) => r.from === u)).map((from) => ({ from, to: '' }));
  const rows = [...translations, ...placeholders];
  const update = (index: number, next: Translation | null) => {
    const all = [...translations];
    if (index < translations.length) {
      if (next) all[index] = next;
      else all.splice(index, 1);
    } else if (next) all.push(next);
    onChange(all);
  };
  return (
    <div className="translations">
      {unknown.length > 0 && <p className="import-warning">{t.mapping.unknownValues(unknown.join('、'))}</p>}
      {rows.map((row, index) => (
        <div key={index} className="translations__row">
          <input
            type="text"
            value={row.from}
            aria-label={t.mapping.from}
            placeholder={t.mapping.from}
            onChange={(event) => update(index, { ...row, from: event.target.value })}
          />
          <span aria-hidden="true">→</span>
          {enumField ? (
            <select
              value={row.to}
              aria-label={t.mapping.translate(row.from)}
              onChange={(event) => update(index, { ...row, to: event.target.value })}
            >
              <option value="">{t.mapping.chooseValue}</option>
              {field.allowedLabels.map((l) => (
                <option key={l.value} value={l.value}>
                  {labelOf(l.value)}
                </option>
              ))}
            </select>
          ) : (
            <input
              type="text"
              value={row.to}
              aria-label={t.mapping.translate(row.from)}
              placeholder={t.mapping.to}
              onChange={(event) => update(index, { ...row, to: event.target.value })}
            />
          )}
          {index < translations.length && (
            <button type="button" className="button button--small" onClick={() => update(index, null)}>
              {t.mapping.remove}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...translations, { from: '', to: '' }])}
      >
        {t.mapping.addTranslation}
      </button>
    </div>
  );
}
