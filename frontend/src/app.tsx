import type { ApiClient } from './api/client';
import { HomePage } from './home/HomePage';
import { I18nProvider, useI18n } from './i18n/i18n';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import type { Lang } from './i18n/messages';

function Logo() {
  return (
    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
      <path d="M9 10 L23 10 L16 22 Z" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="9" cy="10" r="3.2" fill="currentColor" />
      <circle cx="23" cy="10" r="3.2" fill="currentColor" />
      <circle cx="16" cy="22" r="3.2" class="logo-packet" />
    </svg>
  );
}

function Shell({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  return (
    <div class="shell">
      <header class="app-header" data-testid="app-header">
        <div class="brand">
          <Logo />
          <span class="brand-name" data-testid="app-name">
            {t('app.name')}
          </span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <HomePage api={api} />
      <footer class="app-footer">{t('footer.text')}</footer>
    </div>
  );
}

export function App({ api, lang }: { api: ApiClient; lang?: Lang }) {
  return (
    <I18nProvider initial={lang}>
      <Shell api={api} />
    </I18nProvider>
  );
}
