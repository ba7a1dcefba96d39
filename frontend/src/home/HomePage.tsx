import type { ApiClient } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { LabCatalogue } from './LabCatalogue';

export function HomePage({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  return (
    <main class="home" data-testid="home-page">
      <section class="hero">
        <h1 data-testid="home-headline">{t('home.headline')}</h1>
        <p>{t('home.intro')}</p>
      </section>
      <LabCatalogue api={api} />
    </main>
  );
}
