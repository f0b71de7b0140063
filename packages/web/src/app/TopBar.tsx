import { UserMenu } from '../features/auth/components/UserMenu';
import { useSession } from '../features/auth/hooks/SessionProvider';
import { useWallMode } from '../hooks/wallMode';
import { formatTime } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { LANGS, type Lang } from '../i18n/lang';

// Each language is named in itself, so a reader who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

export function TopBar() {
  const { m, lang, setLang } = useI18n();
  const { wall, setWall, updatedAt } = useWallMode();
  const signedIn = useSession().state.status === 'signedIn';
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <svg className="top-bar__emblem" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M16 2 4 7v8c0 7.5 5.1 13.4 12 15 6.9-1.6 12-7.5 12-15V7L16 2Z" fill="currentColor" />
          <path
            d="m10.5 16.5 4 4 7-8"
            fill="none"
            stroke="#0B3A66"
            strokeWidth="2.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="top-bar__title">{m.appTitle}</span>
      </div>
      <div className="top-bar__tools">
        {wall && updatedAt && (
          <p className="top-bar__updated" aria-live="polite">
            {m.wall.updatedAt(formatTime(lang, updatedAt))}
          </p>
        )}
        {signedIn && (
          <button type="button" className="top-bar__button" aria-pressed={wall} onClick={() => setWall(!wall)}>
            {wall ? m.wall.exit : m.wall.enter}
          </button>
        )}
        <UserMenu />
        <div className="lang-switch" role="group" aria-label={m.languageSwitch}>
          {LANGS.map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              className="lang-switch__option"
              aria-pressed={option === lang}
              onClick={() => setLang(option)}
            >
              {LANGUAGE_NAMES[option]}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
