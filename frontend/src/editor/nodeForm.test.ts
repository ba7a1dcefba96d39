import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { tcpLabSnapshot } from '../test-fixtures';
import { fieldErrors } from './fieldErrors';
import { nextInterfaceName, nodeChanges, nodeFields, withInterfaceAdded, withInterfaceRemoved } from './nodeForm';

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
