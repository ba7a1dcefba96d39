import type { NodeView, RouteRow } from '../api/protocol';

/** A node's editable keys as the properties panel's fields hold them. */
export interface NodeFields {
  /** `ip` for a host or server written with the one-interface shorthand, else `interfaces`. */
  addressKey: 'ip' | 'interfaces';
  interfaces: { name: string; ip: string }[];
  gateway: string;
  routes: { to: string; via: string }[];
  /** The name servers as typed: addresses separated by commas or spaces (the lab file's `dns:`). */
  dns: string;
  /** The node's own `/etc/hosts` lines (the lab file's `hosts:`), in the order shown. */
  hosts: { name: string; address: string }[];
}

/** Whether a kind has addresses at all (switches and hubs forward by MAC address). */
export function speaksIp(kind: string): boolean {
  return kind !== 'switch' && kind !== 'hub';
}

/**
 * The fields of a node, from the snapshot (interfaces, gateway) and its lab file entry (routes, name servers, hosts
 * lines, and whether it uses `ip:`); the routing table's static routes when the lab file was not read yet.
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
  const hosts =
    spec?.hosts && typeof spec.hosts === 'object' && !Array.isArray(spec.hosts)
      ? Object.entries(spec.hosts as Record<string, unknown>).map(([name, address]) => ({ name, address: String(address) }))
      : [];
  return {
    addressKey: shorthand ? 'ip' : 'interfaces',
    interfaces: node.interfaces.map((i) => ({ name: i.name, ip: i.ip ?? '' })),
    gateway: node.gateway ?? '',
    routes:
      specRoutes ??
      routes
        .filter((r) => r.node === node.id && r.via && r.origin === 'STATIC' && r.destination !== '0.0.0.0/0')
        .map((r) => ({ to: r.destination, via: r.via! })),
    dns: dns.join(', '),
    hosts,
  };
}

/** The first `ethN` (N from 0) that none of `interfaces` has. */
export function nextInterfaceName(interfaces: readonly { name: string }[]): string {
  const used = new Set(interfaces.map((i) => i.name));
  let n = 0;
  while (used.has(`eth${n}`)) n++;
  return `eth${n}`;
}

/**
 * The form with one more interface, unaddressed: a node written with `ip:` (one interface, eth0) is written with
 * `interfaces:` from then on, as the lab file needs for more than one.
 */
export function withInterfaceAdded(f: NodeFields): NodeFields {
  return { ...f, addressKey: 'interfaces', interfaces: [...f.interfaces, { name: nextInterfaceName(f.interfaces), ip: '' }] };
}

/** The form without the interface at `index` (the running lab takes it off on Apply, unless a cable is in it). */
export function withInterfaceRemoved(f: NodeFields, index: number): NodeFields {
  return { ...f, addressKey: 'interfaces', interfaces: f.interfaces.filter((_, j) => j !== index) };
}

function addressValue(f: NodeFields): unknown {
  if (f.addressKey === 'ip') return f.interfaces[0]!.ip.trim();
  return f.interfaces.map((i) => (i.ip.trim() ? { name: i.name, ip: i.ip.trim() } : { name: i.name }));
}

function routesValue(f: NodeFields): unknown {
  const rows = f.routes.map((r) => ({ to: r.to.trim(), via: r.via.trim() })).filter((r) => r.to || r.via);
  return rows.length ? rows : null;
}

function dnsValue(f: NodeFields): unknown {
  const servers = f.dns.split(/[\s,]+/).filter(Boolean);
  return servers.length ? servers : null;
}

function hostsValue(f: NodeFields): unknown {
  const rows = f.hosts.map((h) => ({ name: h.name.trim(), address: h.address.trim() })).filter((h) => h.name || h.address);
  return rows.length ? Object.fromEntries(rows.map((h) => [h.name, h.address])) : null;
}

/**
 * The PATCH that turns `before` into `after` (only the keys that changed, `null` removing a gateway, the routes, the
 * name servers or the hosts lines), and the one that turns it back, for undo. A node going from `ip:` to
 * `interfaces:` sends its interfaces (the server drops the shorthand), and its undo sends the `ip:` back with
 * `interfaces: null`.
 */
export function nodeChanges(before: NodeFields, after: NodeFields): { set: Record<string, unknown>; undo: Record<string, unknown> } {
  const set: Record<string, unknown> = {};
  const undo: Record<string, unknown> = {};
  const differ = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  if (before.addressKey !== after.addressKey) {
    set[after.addressKey] = addressValue(after);
    undo[before.addressKey] = addressValue(before);
    undo[after.addressKey] = null;
  } else if (differ(addressValue(before), addressValue(after))) {
    set[after.addressKey] = addressValue(after);
    undo[before.addressKey] = addressValue(before);
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
  if (differ(dnsValue(before), dnsValue(after))) {
    set.dns = dnsValue(after);
    undo.dns = dnsValue(before);
  }
  if (differ(hostsValue(before), hostsValue(after))) {
    set.hosts = hostsValue(after);
    undo.hosts = hostsValue(before);
  }
  return { set, undo };
}
