import { ApiError } from '../api/client';

/** A refused edit's errors, by the properties panel's field they belong to, and what belongs to none. */
export interface FieldErrors {
  fields: Record<string, string>;
  general: string | null;
}

/**
 * Where an edit's errors go. The server names the place in the lab file the edit makes (`nodes[3].ip`,
 * `links[0].delay`, `nodes[3].routes[0].via`, `nodes[1].interfaces[2].ip`); the panel's fields are named after
 * the key inside one node or link: `ip`, `delay`, `routes.0` (a route's row), `interfaces.2.ip`, `services.0` (a service's box).
 */
export function fieldErrors(error: unknown): FieldErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const problem = error instanceof ApiError ? error.problem : null;
  if (problem?.errors?.length) {
    for (const e of problem.errors) {
      const field = panelField(e.field);
      if (field && !(field in fields)) fields[field] = e.message;
      else if (!field) general.push(e.message);
    }
  } else {
    general.push(error instanceof Error ? error.message : String(error));
  }
  return { fields, general: general.length ? general.join(' ') : null };
}

/** `nodes[3].routes[0].via` → `routes.0`; null for a place that is not inside one node or link. */
export function panelField(path: string): string | null {
  const m = /^(?:nodes|links)\[\d+\]\.(.+)$/.exec(path);
  if (!m) return null;
  const rest = m[1]!;
  const route = /^routes\[(\d+)\]/.exec(rest);
  if (route) return `routes.${route[1]}`;
  const service = /^services\[(\d+)\]/.exec(rest);
  if (service) return `services.${service[1]}`;
  const iface = /^interfaces\[(\d+)\]\.(\w+)/.exec(rest);
  if (iface) return `interfaces.${iface[1]}.${iface[2]}`;
  return rest.replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
}
