import { GraphiQL } from 'graphiql';
import { useEffect, useMemo, useState } from 'react';
import { LANG_PARAM, readStoredLang, resolveLang, storeLang, type Lang } from '../i18n/lang';
import { CONTRACT_EXAMPLES } from './examples';
import { EXAMPLES_PLUGIN, GraphiqlLangContext } from './ExamplesPlugin';
import { hubFetcher } from './fetcher';
import { GRAPHIQL_MESSAGES } from './messages';

const fetcher = hubFetcher('/graphql');
const plugins = [EXAMPLES_PLUGIN];

// A first visit opens on the first contract operation; later visits get GraphiQL's saved tabs back.
const firstExample = CONTRACT_EXAMPLES[0];
const defaultTabs = firstExample ? [{ query: firstExample.query, variables: firstExample.variables }] : undefined;

/**
 * Opens the examples panel as if its sidebar button were clicked. GraphiQL 4.1's `visiblePlugin` prop selects a
 * plugin only after the plugin pane has started hidden, so the pane would stay closed; the button's own
 * handler opens both. The buttons appear once GraphiQL has registered its plugins, a frame or two after mount.
 * Returns a cancel function.
 */
function openExamplesPanel(): () => void {
  let frame = 0;
  let framesLeft = 60;
  const attempt = () => {
    const button = document.querySelector<HTMLButtonElement>(
      `.graphiql-sidebar button[aria-label$="${EXAMPLES_PLUGIN.title}"]`,
    );
    if (button) {
      if (!button.classList.contains('active')) button.click();
    } else if (framesLeft-- > 0) {
      frame = requestAnimationFrame(attempt);
    }
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

function initialLang(): Lang {
  return resolveLang(new URLSearchParams(window.location.search).get(LANG_PARAM), readStoredLang());
}

export function GraphiqlApp() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const m = GRAPHIQL_MESSAGES[lang];
  useEffect(() => openExamplesPanel(), []);
  const langContext = useMemo(
    () => ({
      lang,
      switchLanguage: () => {
        const next: Lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
        storeLang(next);
        document.documentElement.lang = next;
        setLang(next);
      },
    }),
    [lang],
  );
  return (
    <GraphiqlLangContext.Provider value={langContext}>
      <GraphiQL
        fetcher={fetcher}
        plugins={plugins}
        defaultTabs={defaultTabs}
        // Keys typed into Headers stay in this tab's memory, never in localStorage.
        shouldPersistHeaders={false}
      >
        <GraphiQL.Logo>
          <a className="hub-graphiql__back" href={`/?${LANG_PARAM}=${lang}`} title={m.backToDashboard}>
            ← {m.backToDashboard}
          </a>
          <span className="hub-graphiql__name">GraphiQL</span>
        </GraphiQL.Logo>
      </GraphiQL>
    </GraphiqlLangContext.Provider>
  );
}
