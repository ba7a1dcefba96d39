import { navigate, type Route } from '../router';
import { useClassText } from './messages';

/** "Join a class" and "Teach a class" in the page header, the ways into the classroom. */
export function ClassroomLinks() {
  const { tc } = useClassText();
  return (
    <>
      <a class="nav-link" href="/join" data-testid="nav-join" onClick={(e) => follow(e, { name: 'join', code: null })}>
        {tc('class.nav.join')}
      </a>
      <a class="nav-link" href="/classes/new" data-testid="nav-teach" onClick={(e) => follow(e, { name: 'class-new' })}>
        {tc('class.nav.teach')}
      </a>
    </>
  );
}

/** Follows an in-app link as the History API does (a plain click only; a new tab still works). */
function follow(e: MouseEvent, route: Route) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  navigate(route);
}
