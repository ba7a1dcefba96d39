import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { tcpLabSnapshot } from '../test-fixtures';
import { fieldErrors } from './fieldErrors';
import { newService, nextInterfaceName, nodeChanges, nodeFields, serviceEntry, withInterfaceAdded, withInterfaceRemoved } from './nodeForm';

const pc1 = tcpLabSnapshot().nodes.find((n) => n.id === 'pc1')!;

describe('the node form', () => {
  it('reads the name servers and hosts lines from the lab file entry', () => {
    const f = nodeFields(pc1, { id: 'pc1', kind: 'host', ip: '10.0.0.1/24', dns: ['10.0.0.53', '10.0.0.54'], hosts: { web: '10.0.0.2' } }, []);
    expect(f.dns).toBe('10.0.0.53, 10.0.0.54');
    expect(f.hosts).toEqual([{ name: 'web', address: '10.0.0.2' }]);
  });

  it('sends changed name servers and hosts lines, and undoes them with what they were', () => {
    const before = nodeFields(pc1, { id: 'pc1', kind: 'host', ip: '10.0.0.1/24', dns: '10.0.0.53' }, []);
    const after = { ...before, dns: '10.0.0.54,  10.0.0.53', hosts: [{ name: 'web', address: '10.0.0.2' }] };
    expect(nodeChanges(before, after)).toEqual({
      set: { dns: ['10.0.0.54', '10.0.0.53'], hosts: { web: '10.0.0.2' } },
      undo: { dns: ['10.0.0.53'], hosts: null },
    });
  });

  it('takes the name servers away with null when the field is emptied', () => {
    const before = nodeFields(pc1, { id: 'pc1', kind: 'host', dns: ['10.0.0.53'] }, []);
    expect(nodeChanges(before, { ...before, dns: ' ' }).set).toEqual({ dns: null });
  });

  it('adds an interface named after the first free ethN, turning the ip shorthand into an interfaces list', () => {
    const before = nodeFields(pc1, { id: 'pc1', kind: 'host', ip: '10.0.0.1/24' }, []);
    const after = withInterfaceAdded(before);
    after.interfaces[1]!.ip = '10.0.1.1/24';
    expect(before.addressKey).toBe('ip');
    expect(nodeChanges(before, after)).toEqual({
      set: { interfaces: [{ name: 'eth0', ip: '10.0.0.1/24' }, { name: 'eth1', ip: '10.0.1.1/24' }] },
      undo: { ip: '10.0.0.1/24', interfaces: null },
    });
  });

  it('sends the interfaces list without a removed interface, and undoes it with the list it had', () => {
    const two = { ...nodeFields(pc1, { id: 'pc1', kind: 'host' }, []), addressKey: 'interfaces' as const, interfaces: [{ name: 'eth0', ip: '10.0.0.1/24' }, { name: 'eth1', ip: '' }] };
    expect(nodeChanges(two, withInterfaceRemoved(two, 1))).toEqual({
      set: { interfaces: [{ name: 'eth0', ip: '10.0.0.1/24' }] },
      undo: { interfaces: [{ name: 'eth0', ip: '10.0.0.1/24' }, { name: 'eth1' }] },
    });
  });

  it('names a new interface after the lowest free number, a removed one’s included', () => {
    expect(nextInterfaceName([{ name: 'eth0' }, { name: 'eth2' }])).toBe('eth1');
    expect(nextInterfaceName([])).toBe('eth0');
  });

  it('shows the server’s errors under the name servers, the hosts lines and the interfaces', () => {
    const error = new ApiError(400, {
      errors: [
        { field: 'nodes[0].dns[1]', message: 'expected an IPv4 address such as 10.0.0.1, got "10.0.0.999"' },
        { field: 'nodes[0].hosts.web', message: 'expected an IPv4 address' },
        { field: 'nodes[0].interfaces', message: 'pc1:eth0 has a cable (pc1:eth0-sw1:p1); remove the link before the interface' },
      ],
    });
    expect(fieldErrors(error).fields).toEqual({
      dns: 'expected an IPv4 address such as 10.0.0.1, got "10.0.0.999"',
      hosts: 'expected an IPv4 address',
      interfaces: 'pc1:eth0 has a cable (pc1:eth0-sw1:p1); remove the link before the interface',
    });
  });
});

describe('the node form’s services', () => {
  const srvSpec = (services: unknown[]) => ({ id: 'pc1', kind: 'server', ip: '10.0.0.1/24', services });

  it('reads an http service’s port and keeps what the panel does not edit', () => {
    const f = nodeFields(pc1, srvSpec([{ http: { port: 8080, keepalive: '0s', pages: { '/': 'hi' } } }]), []);
    expect(f.services).toEqual([{ service: 'http', port: '8080', rest: { keepalive: '0s', pages: { '/': 'hi' } } }]);
    expect(serviceEntry(f.services[0]!)).toEqual({ http: { port: 8080, keepalive: '0s', pages: { '/': 'hi' } } });
  });

  it('reads an http service written without parameters as port 80', () => {
    expect(nodeFields(pc1, srvSpec([{ http: null }]), []).services).toEqual([{ service: 'http', port: '80', rest: {} }]);
  });

  it('reads a dns service’s zones as one record a line and writes them back as the lab file’s records', () => {
    const dns = {
      port: 53,
      recursive: true,
      root: ['10.0.0.1'],
      zones: { 'example.lab': [{ name: 'www', type: 'A', value: '10.0.1.80' }, { name: '@', ttl: 60, type: 'MX', value: '10 mail' }] },
    };
    const f = nodeFields(pc1, srvSpec([{ dns }]), []);
    expect(f.services).toEqual([
      {
        service: 'dns',
        port: '53',
        recursive: true,
        root: '10.0.0.1',
        zones: [{ origin: 'example.lab', records: 'www A 10.0.1.80\n@ 60 MX 10 mail' }],
        rest: {},
      },
    ]);
    expect(serviceEntry(f.services[0]!)).toEqual({ dns });
  });

  it('keeps a service it does not know whole', () => {
    const f = nodeFields(pc1, srvSpec([{ echo: { port: 7 } }]), []);
    expect(f.services).toEqual([{ service: 'other', name: 'echo', written: { echo: { port: 7 } } }]);
    expect(serviceEntry(f.services[0]!)).toEqual({ echo: { port: 7 } });
  });

  it('sends the whole services list when one is added, and undoes it with null', () => {
    const before = nodeFields(pc1, { id: 'pc1', kind: 'host', ip: '10.0.0.1/24' }, []);
    const after = { ...before, services: [{ ...newService('http'), port: '8080' }] };
    expect(nodeChanges(before, after)).toEqual({ set: { services: [{ http: { port: 8080 } }] }, undo: { services: null } });
  });

  it('sends the list without a removed service, and undoes it with the list it had', () => {
    const before = nodeFields(pc1, srvSpec([{ http: { port: 80 } }, { dns: { port: 53, zones: { 'example.lab': [] } } }]), []);
    const after = { ...before, services: before.services.slice(1) };
    expect(nodeChanges(before, after)).toEqual({
      set: { services: [{ dns: { port: 53, zones: { 'example.lab': [] } } }] },
      undo: { services: [{ http: { port: 80 } }, { dns: { port: 53, zones: { 'example.lab': [] } } }] },
    });
  });

  it('sends a port that is not a number as typed, for the server to name the mistake', () => {
    const before = nodeFields(pc1, srvSpec([{ http: { port: 80 } }]), []);
    const after = { ...before, services: [{ service: 'http' as const, port: 'eighty', rest: {} }] };
    expect(nodeChanges(before, after).set).toEqual({ services: [{ http: { port: 'eighty' } }] });
  });

  it('sends nothing for services when none changed', () => {
    const before = nodeFields(pc1, srvSpec([{ http: { port: 80 } }]), []);
    expect(nodeChanges(before, { ...before, gateway: '10.0.0.254' }).set).toEqual({ gateway: '10.0.0.254' });
  });

  it('shows a service’s error under that service', () => {
    const error = new ApiError(400, { errors: [{ field: 'nodes[1].services[0].http.port', message: '70000 is outside 1..65535' }] });
    expect(fieldErrors(error).fields).toEqual({ 'services.0': '70000 is outside 1..65535' });
  });
});
