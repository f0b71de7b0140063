export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_PARAM = 'lang';
const STORAGE_KEY = 'hub.lang';

export function parseLang(value: string | null): Lang | null {
  const tag = value?.trim().toLowerCase();
  if (!tag) return null;
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  // Only Simplified Chinese is written; any Chinese tag gets it.
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  return null;
}

// The URL wins, so a shared link opens in the language it was shared in; then the reader's last choice.
export function resolveLang(fromUrl: string | null, fromStorage: string | null): Lang {
  return parseLang(fromUrl) ?? parseLang(fromStorage) ?? DEFAULT_LANG;
}

export function readStoredLang(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private windows, strict policies); the URL still carries the choice.
  }
}
