import { useI18n } from './i18n';
import { LANGUAGES, LANGUAGE_NAMES } from './messages';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.switch')} data-testid="lang-switch">
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          class={code === lang ? 'active' : ''}
          aria-pressed={code === lang}
          data-testid={`lang-${code}`}
          onClick={() => setLang(code)}
        >
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
