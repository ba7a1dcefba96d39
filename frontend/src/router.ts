import { useEffect, useState } from 'preact/hooks';

/**
 * The UI's addresses: the home page, one live lab instance (`?view=readonly` when it came from a read-only share
 * link: watched, not changed), and a share link, which opens its lab and goes to it. The server serves index.html
 * for all of them.
 */
export type Route =
  | { name: 'home' }
  | { name: 'lab'; instanceId: string; readOnly?: boolean }
  | { name: 'share'; linkId: string }
  | ClassroomRoute
  | { name: 'not-found'; path: string };

/** The classroom's pages: start a class, join one, the teacher's dashboard, a student's page (docs/classroom.md). */
export type ClassroomRoute =
  | { name: 'class-new' }
  | { name: 'join'; code: string | null }
  | { name: 'teach'; classId: string }
  | { name: 'class'; classId: string };

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { name: 'home' };
  const lab = /^\/labs\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (lab) {
    const readOnly = new URLSearchParams(search).get('view') === 'readonly';
    return readOnly ? { name: 'lab', instanceId: lab[1]!, readOnly } : { name: 'lab', instanceId: lab[1]! };
  }
  const share = /^\/share\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (share) return { name: 'share', linkId: share[1]! };
  if (pathname === '/classes/new') return { name: 'class-new' };
  const join = /^\/join(?:\/([A-Za-z0-9-]+))?\/?$/.exec(pathname);
  if (join) return { name: 'join', code: join[1] ?? null };
  const classPage = /^\/(teach|class)\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (classPage) return { name: classPage[1] === 'teach' ? 'teach' : 'class', classId: classPage[2]! };
  return { name: 'not-found', path: pathname };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'lab':
      return `/labs/${route.instanceId}${route.readOnly ? '?view=readonly' : ''}`;
    case 'share':
      return `/share/${route.linkId}`;
    case 'class-new':
      return '/classes/new';
    case 'join':
      return route.code ? `/join/${encodeURIComponent(route.code)}` : '/join';
    case 'teach':
      return `/teach/${route.classId}`;
    case 'class':
      return `/class/${route.classId}`;
    case 'not-found':
      return route.path;
  }
}

const listeners = new Set<() => void>();

/** Goes to `route` as a link would: a history entry, and every `useRoute()` re-renders. */
export function navigate(route: Route, replace = false): void {
  const path = routePath(route);
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const l of listeners) l();
}

/** The current route, following links (`navigate`) and the back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
