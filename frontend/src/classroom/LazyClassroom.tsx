import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { ClassroomRoute, Route } from '../router';

type Props = { api: ApiClient; route: ClassroomRoute };

let loaded: ComponentType<Props> | null = null;

const NAMES: readonly string[] = ['class-new', 'join', 'teach', 'class'];

export function isClassroomRoute(route: Route): route is ClassroomRoute {
  return NAMES.includes(route.name);
}

/** Whether a route shows a lab, so the page takes the whole window as the lab view does. */
export function showsLab(route: Route): boolean {
  return route.name === 'teach' || route.name === 'class';
}

/** The classroom's pages, loaded when first opened: they draw labs, whose parts the home page does not need. */
export function LazyClassroom(props: Props) {
  const { t } = useI18n();
  const [View, setView] = useState<ComponentType<Props> | null>(() => loaded);
  useEffect(() => {
    if (View) return;
    let live = true;
    void import('./ClassroomPages').then((m) => {
      loaded = m.ClassroomPages;
      if (live) setView(() => m.ClassroomPages);
    });
    return () => {
      live = false;
    };
  }, [View]);
  if (!View) {
    return (
      <p class="status lab-loading" data-testid="class-loading" aria-busy="true">
        {t('lab.connecting')}
      </p>
    );
  }
  return <View {...props} />;
}
