import { useEffect, useState } from 'preact/hooks';

/** The UI's addresses: the home page, and one live lab instance. The server serves index.html for both. */
export type Route = { name: 'home' } | { name: 'lab'; instanceId: string } | { name: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { name: 'home' };
  const lab = /^\/labs\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (lab) return { name: 'lab', instanceId: lab[1]! };
  return { name: 'not-found', path: pathname };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'lab':
      return `/labs/${route.instanceId}`;
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
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
