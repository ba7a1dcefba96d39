import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { LocalizedText } from '../api/types';
import { isLang, translate, type Lang, type MessageKey } from './messages';

const STORAGE_KEY = 'packetlab.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A UI string in the current language. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A lab's text (title, summary, step) in the current language. */
  pick(text: LocalizedText): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The language a first visit starts in: the one chosen before, else the browser's. */
export function initialLang(storage: Pick<Storage, 'getItem'> | null, browserLanguages: readonly string[]): Lang {
  const saved = storage?.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  return browserLanguages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage can be disabled; the switch then lasts for the page only
  }
}

export function I18nProvider(props: { initial?: Lang; children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(
    () => props.initial ?? initialLang(safeStorage(), navigator.languages ?? [navigator.language]),
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    safeStorage()?.setItem(STORAGE_KEY, next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      pick: (text) => text[lang] || text.en,
    }),
    [lang, setLang],
  );

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
