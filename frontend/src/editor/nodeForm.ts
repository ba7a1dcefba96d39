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
  /** The programs the lab file starts on the node (its `services:`), in the order written. */
  services: ServiceFields[];
}

/**
 * One entry of a node's `services:` as the panel edits it: an `http` server's port, a `dns` server's port, recursion,
 * root servers and zones. What the panel has no field for (an http service's pages, a dns zone written in the short
 * form) is kept in `rest` and written back unchanged; a service the panel does not know is kept whole.
 */
export type ServiceFields =
  | { service: 'http'; port: string; rest: Record<string, unknown> }
  | { service: 'dns'; port: string; recursive: boolean; root: string; zones: ZoneFields[]; rest: Record<string, unknown> }
  | { service: 'other'; name: string; written: unknown };

/**
 * A zone of a dns service: its origin and its records, one a line as a zone file writes them without the class:
 * `www A 10.0.1.80`, `www 300 A 10.0.1.80` (with a TTL), `@ MX 10 mail`.
 */
export interface ZoneFields {
  origin: string;
  records: string;
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
    services: Array.isArray(spec?.services) ? spec.services.map(serviceFields) : [],
  };
}

/** A new service's fields: a web server on port 80, or a DNS server with one empty zone. */
export function newService(service: 'http' | 'dns'): ServiceFields {
  if (service === 'http') return { service, port: '80', rest: {} };
  return { service, port: '53', recursive: false, root: '', zones: [{ origin: 'example.lab', records: '' }], rest: {} };
}

function serviceFields(entry: unknown): ServiceFields {
  const [name, value] = entry && typeof entry === 'object' ? (Object.entries(entry)[0] ?? ['', undefined]) : ['', undefined];
  const params = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : null;
  if (name === 'http' && (params || value == null)) {
    const rest = params ?? {};
    const port = rest.port === undefined ? '80' : String(rest.port);
    delete rest.port;
    return { service: 'http', port, rest };
  }
  if (name === 'dns' && (params || value == null)) {
    const rest = params ?? {};
    const zones =
      rest.zones && typeof rest.zones === 'object' && !Array.isArray(rest.zones)
        ? Object.entries(rest.zones as Record<string, unknown>).map(([origin, records]) => ({ origin, records: recordLines(records) }))
        : null;
    const field: ServiceFields = {
      service: 'dns',
      port: rest.port === undefined ? '53' : String(rest.port),
      recursive: rest.recursive === true,
      root: rest.root === undefined || rest.root === null ? '' : Array.isArray(rest.root) ? rest.root.map(String).join(', ') : String(rest.root),
      zones: zones ?? [],
      rest,
    };
    delete rest.port;
    delete rest.recursive;
    delete rest.root;
    if (zones) delete rest.zones;
    return field;
  }
  return { service: 'other', name, written: entry };
}

function recordLines(records: unknown): string {
  if (!Array.isArray(records)) return '';
  return records
    .map((r) => {
      const m = r && typeof r === 'object' ? (r as Record<string, unknown>) : {};
      const value = Array.isArray(m.value) ? m.value.map(String).join(' ') : String(m.value ?? '');
      return [m.name ?? '@', m.ttl, m.type ?? '', value].filter((x) => x !== undefined && x !== '').join(' ');
    })
    .join('\n');
}

/** `www 300 A 10.0.1.80` → `{name: www, ttl: 300, type: A, value: 10.0.1.80}`; the value is the rest of the line. */
function recordEntries(lines: string): Record<string, unknown>[] {
  return lines
    .split('\n')
    .map((line) => line.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0)
    .map((words) => {
      const [name, ...more] = words;
      const ttl = more.length > 2 && /^\d+$/.test(more[0]!) ? Number(more.shift()) : undefined;
      const [type, ...value] = more;
      const record: Record<string, unknown> = { name };
      if (ttl !== undefined) record.ttl = ttl;
      record.type = type ?? '';
      record.value = value.join(' ');
      return record;
    });
}

/** A port as typed: a whole number goes as a number, anything else as typed, for the server to name the mistake. */
function portValue(port: string): unknown {
  const p = port.trim();
  return /^\d+$/.test(p) ? Number(p) : p;
}

/** The lab file's entry for a service in the form. */
export function serviceEntry(f: ServiceFields): unknown {
  if (f.service === 'other') return f.written;
  if (f.service === 'http') return { http: { port: portValue(f.port), ...f.rest } };
  const dns: Record<string, unknown> = { port: portValue(f.port) };
  if (f.recursive) dns.recursive = true;
  const root = f.root.split(/[\s,]+/).filter(Boolean);
  if (root.length) dns.root = root;
  if (f.zones.length) dns.zones = Object.fromEntries(f.zones.map((z) => [z.origin.trim(), recordEntries(z.records)]));
  return { dns: { ...dns, ...f.rest } };
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

function servicesValue(f: NodeFields): unknown {
  return f.services.length ? f.services.map(serviceEntry) : null;
}

function hostsValue(f: NodeFields): unknown {
  const rows = f.hosts.map((h) => ({ name: h.name.trim(), address: h.address.trim() })).filter((h) => h.name || h.address);
  return rows.length ? Object.fromEntries(rows.map((h) => [h.name, h.address])) : null;
}

/**
 * The PATCH that turns `before` into `after` (only the keys that changed, `null` removing a gateway, the routes, the
 * name servers, the hosts lines or the services; a changed service sends the whole list, which the running node
 * then runs), and the one that turns it back, for undo. A node going from `ip:` to
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
  if (differ(servicesValue(before), servicesValue(after))) {
    set.services = servicesValue(after);
    undo.services = servicesValue(before);
  }
  return { set, undo };
}
