import type { NodeView, RouteRow } from '../api/protocol';

/** A node's editable keys as the properties panel's fields hold them. */
export interface NodeFields {
  /** `ip` for a host or server written with the one-interface shorthand, else `interfaces`. */
  addressKey: 'ip' | 'interfaces';
  interfaces: { name: string; ip: string }[];
  gateway: string;
  routes: { to: string; via: string }[];
  /** The name servers, as the lab file gives them (shown; a running lab cannot change them). */
  dns: string[];
}

/** Whether a kind has addresses at all (switches and hubs forward by MAC address). */
export function speaksIp(kind: string): boolean {
  return kind !== 'switch' && kind !== 'hub';
}

/**
 * The fields of a node, from the snapshot (interfaces, gateway) and its lab file entry (routes, name servers, and
 * whether it uses `ip:`); the routing table's static routes when the lab file was not read yet.
 */
export function nodeFields(node: NodeView, spec: Record<string, unknown> | undefined, routes: readonly RouteRow[]): NodeFields {
  const shorthand = node.interfaces.length === 1 && node.interfaces[0]!.name === 'eth0' && (!spec || !('interfaces' in spec));
  let specRoutes: { to: string; via: string }[] | null = null;
  if (spec && Array.isArray(spec.routes)) {
    specRoutes = spec.routes
      .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
      .map((r) => ({ to: String(r.to ?? ''), via: String(r.via ?? '') }));
  }
  const dns = spec?.dns === undefined || spec.dns === null ? [] : Array.isArray(spec.dns) ? spec.dns.map(String) : [String(spec.dns)];
  return {
    addressKey: shorthand ? 'ip' : 'interfaces',
    interfaces: node.interfaces.map((i) => ({ name: i.name, ip: i.ip ?? '' })),
    gateway: node.gateway ?? '',
    routes:
      specRoutes ??
      routes
        .filter((r) => r.node === node.id && r.via && r.origin === 'STATIC' && r.destination !== '0.0.0.0/0')
        .map((r) => ({ to: r.destination, via: r.via! })),
    dns,
  };
}

function addressValue(f: NodeFields): unknown {
  if (f.addressKey === 'ip') return f.interfaces[0]!.ip.trim();
  return f.interfaces.map((i) => (i.ip.trim() ? { name: i.name, ip: i.ip.trim() } : { name: i.name }));
}

function routesValue(f: NodeFields): unknown {
  const rows = f.routes.map((r) => ({ to: r.to.trim(), via: r.via.trim() })).filter((r) => r.to || r.via);
  return rows.length ? rows : null;
}

/**
 * The PATCH that turns `before` into `after` (only the keys that changed, `null` removing a gateway or the routes),
 * and the one that turns it back, for undo.
 */
export function nodeChanges(before: NodeFields, after: NodeFields): { set: Record<string, unknown>; undo: Record<string, unknown> } {
  const set: Record<string, unknown> = {};
  const undo: Record<string, unknown> = {};
  const differ = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const key = before.addressKey;
  if (differ(addressValue(before), addressValue(after))) {
    set[key] = addressValue(after);
    undo[key] = addressValue(before);
  }
  const gw = (f: NodeFields) => (f.gateway.trim() ? f.gateway.trim() : null);
  if (gw(before) !== gw(after)) {
    set.gateway = gw(after);
    undo.gateway = gw(before);
  }
  if (differ(routesValue(before), routesValue(after))) {
    set.routes = routesValue(after);
    undo.routes = routesValue(before);
  }
  return { set, undo };
}
