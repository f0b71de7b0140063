import { Provider as UrqlProvider } from 'urql';
import { DashboardContextProvider } from '../features/filters/hooks/DashboardContext';
import { graphqlClient } from '../graphql/client';
import { WallModeProvider } from '../hooks/wallMode';
import { I18nProvider } from '../i18n/I18nProvider';
import { AppShell } from './AppShell';

export function App() {
  return (
    <UrqlProvider value={graphqlClient}>
      <WallModeProvider>
        <I18nProvider>
          <DashboardContextProvider>
            <AppShell />
          </DashboardContextProvider>
        </I18nProvider>
      </WallModeProvider>
    </UrqlProvider>
  );
}
