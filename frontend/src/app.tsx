import type { ApiClient } from './api/client';
import { HomePage } from './home/HomePage';
import { I18nProvider, useI18n } from './i18n/i18n';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import type { Lang } from './i18n/messages';
import { ClassroomLinks } from './classroom/ClassroomLinks';
import { LazyClassroom, isClassroomRoute, showsLab } from './classroom/LazyClassroom';
import { LazyLabView } from './lab/LazyLabView';
import { SharePage } from './share/SharePage';
import { navigate, useRoute } from './router';

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

function HomeLink({ children, testId, className }: { children: preact.ComponentChildren; testId: string; className?: string }) {
  return (
    <a
      href="/"
      class={className}
      data-testid={testId}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate({ name: 'home' });
      }}
    >
      {children}
    </a>
  );
}

function Shell({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const route = useRoute();
  const inLab = route.name === 'lab' || showsLab(route);
  return (
    <div class={inLab ? 'shell shell-lab' : 'shell'}>
      <header class="app-header" data-testid="app-header">
        <HomeLink testId="app-home" className="brand">
          <Logo />
          <span class="brand-name" data-testid="app-name">
            {t('app.name')}
          </span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </HomeLink>
        <div class="header-end">
          {inLab && (
            <HomeLink testId="nav-home" className="nav-link">
              {t('nav.home')}
            </HomeLink>
          )}
          {!inLab && <ClassroomLinks />}
          <LanguageSwitch />
        </div>
      </header>
      {route.name === 'home' && <HomePage api={api} />}
      {route.name === 'lab' && (
        <LazyLabView key={route.instanceId} api={api} instanceId={route.instanceId} readOnly={route.readOnly ?? false} />
      )}
      {route.name === 'share' && <SharePage key={route.linkId} api={api} linkId={route.linkId} />}
      {isClassroomRoute(route) && <LazyClassroom api={api} route={route} />}
      {route.name === 'not-found' && (
        <main class="home" data-testid="not-found">
          <h1>{t('notFound.title')}</h1>
          <HomeLink testId="not-found-home" className="button">
            {t('notFound.back')}
          </HomeLink>
        </main>
      )}
      {!inLab && <footer class="app-footer">{t('footer.text')}</footer>}
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
