import type { GraphiQLPlugin } from '@graphiql/react';
import { useEditorContext } from '@graphiql/react';
import { createContext, useContext, useEffect, useRef } from 'react';
import type { Lang } from '../i18n/lang';
import { CONTRACT_EXAMPLES, type Example } from './examples';
import { GRAPHIQL_MESSAGES } from './messages';

/** The page's language: GraphiQL keeps a plugin's component for good, so the language comes by context. */
export const GraphiqlLangContext = createContext<{ lang: Lang; switchLanguage(): void }>({
  lang: 'zh-CN',
  switchLanguage: () => {},
});

function ExamplesPanel() {
  const { lang, switchLanguage } = useContext(GraphiqlLangContext);
  const m = GRAPHIQL_MESSAGES[lang];
  const editor = useEditorContext({ nonNull: true });
  // GraphiQL's addTab() opens a tab with the default query; once that tab is active, write the example in.
  const pending = useRef<Example | null>(null);
  const { tabs, activeTabIndex, queryEditor, variableEditor, updateActiveTabValues } = editor;

  useEffect(() => {
    const example = pending.current;
    if (!example || !queryEditor) return;
    pending.current = null;
    queryEditor.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // GraphiQL learns the operation's name from the editor a moment later (debounced); a tab opened within
    // that moment would take the stale name as this tab's title. The example has one operation: say it now.
    queryEditor.operationName = example.operationName;
    updateActiveTabValues({
      query: example.query,
      variables: example.variables,
      operationName: example.operationName,
    });
  }, [tabs.length, activeTabIndex, queryEditor, variableEditor, updateActiveTabValues]);

  const open = (example: Example) => {
    pending.current = example;
    editor.addTab();
  };

  return (
    <section className="hub-examples" lang={lang} aria-labelledby="hub-examples-heading">
      <div className="hub-examples__head">
        <h2 id="hub-examples-heading" className="graphiql-doc-explorer-title">
          {m.examplesHeading}
        </h2>
        <button type="button" className="hub-examples__lang" onClick={switchLanguage}>
          {m.switchLanguage}
        </button>
      </div>
      <p className="hub-examples__note">{m.examplesIntro}</p>
      <ul className="hub-examples__list">
        {CONTRACT_EXAMPLES.map((example) => (
          <li key={example.operationName}>
            <button
              type="button"
              className="hub-examples__item"
              data-operation={example.operationName}
              // Until the editor exists, a new tab would save the current one as empty.
              disabled={!queryEditor}
              onClick={() => open(example)}
            >
              <span className="hub-examples__title">
                {example.title[lang]}
                {example.kind === 'mutation' && <span className="hub-examples__badge">{m.mutationBadge}</span>}
              </span>
              <code className="hub-examples__name">{example.operationName}</code>
            </button>
          </li>
        ))}
      </ul>
      <h3 className="hub-examples__subhead">{m.credentialsHeading}</h3>
      <p className="hub-examples__note">{m.credentialsSession}</p>
      <p className="hub-examples__note">
        {m.credentialsKey} <code>{'{"Authorization": "Bearer <key>"}'}</code>. {m.credentialsNotStored}
      </p>
      <p className="hub-examples__note">{m.docsHint}</p>
    </section>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M8 6h12M8 12h12M8 18h12" strokeLinecap="round" />
      <circle cx="4" cy="6" r="1" fill="currentColor" />
      <circle cx="4" cy="12" r="1" fill="currentColor" />
      <circle cx="4" cy="18" r="1" fill="currentColor" />
    </svg>
  );
}

/** A sidebar plugin listing the contract's operations; each opens in a new tab with its variables. */
export const EXAMPLES_PLUGIN: GraphiQLPlugin = {
  // Also the sidebar button's label and the plugin's identity, so one bilingual title for both languages.
  title: '示例 / Examples',
  icon: ExamplesIcon,
  content: ExamplesPanel,
};
