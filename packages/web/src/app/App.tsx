import { Provider as UrqlProvider } from 'urql';
import { graphqlClient } from '../graphql/client';
import { I18nProvider } from '../i18n/I18nProvider';
import { AppShell } from './AppShell';

export function App() {
  return (
    <UrqlProvider value={graphqlClient}>
      <I18nProvider>
        <AppShell />
      </I18nProvider>
    </UrqlProvider>
  );
}
