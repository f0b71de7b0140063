// The GraphiQL page (/graphiql): its own Vite entry, so GraphiQL's weight never reaches the dashboard's bundle.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { LANG_PARAM, readStoredLang, resolveLang } from '../i18n/lang';
import { GraphiqlApp } from './GraphiqlApp';
import './graphiql.css';

document.documentElement.lang = resolveLang(
  new URLSearchParams(window.location.search).get(LANG_PARAM),
  readStoredLang(),
);

const root = document.getElementById('graphiql');
if (!root) throw new Error('graphiql.html has no #graphiql element');
createRoot(root).render(
  <StrictMode>
    <GraphiqlApp />
  </StrictMode>,
);
