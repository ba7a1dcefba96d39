import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { useI18n } from '../i18n/i18n';

type LabViewProps = { api: ApiClient; instanceId: string; readOnly?: boolean };

let loaded: ComponentType<LabViewProps> | null = null;

/**
 * The lab view, loaded when a lab is first opened: Cytoscape and xterm.js are most of the bundle, and the home page
 * needs neither.
 */
export function LazyLabView(props: LabViewProps) {
  const { t } = useI18n();
  const [View, setView] = useState<ComponentType<LabViewProps> | null>(() => loaded);
  useEffect(() => {
    if (View) return;
    let live = true;
    void import('./LabView').then((m) => {
      loaded = m.LabView;
      if (live) setView(() => m.LabView);
    });
    return () => {
      live = false;
    };
  }, [View]);
  if (!View) {
    return (
      <p class="status lab-loading" data-testid="lab-loading" aria-busy="true">
        {t('lab.connecting')}
      </p>
    );
  }
  return <View {...props} />;
}
