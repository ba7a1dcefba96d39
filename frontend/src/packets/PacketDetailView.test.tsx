import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import { ARP_DETAIL } from '../test-fixtures';
import { PacketDetailView } from './PacketDetailView';

afterEach(cleanup);

const show = (lang: Lang) =>
  render(
    <I18nProvider initial={lang}>
      <PacketDetailView detail={ARP_DETAIL} />
    </I18nProvider>,
  );

const selectedBytes = () =>
  Array.from(screen.getByTestId('packet-hex').querySelectorAll('[data-selected="true"]')).map((e) => e.getAttribute('data-testid'));

describe('packet detail', () => {
  it('shows each layer with its fields and values, and where the packet was sent', () => {
    show('en');
    expect(screen.getByTestId('packet-detail-title').textContent).toBe('Packet 1');
    expect(screen.getByTestId('packet-layer-name-0').textContent).toBe('Ethernet II');
    expect(screen.getByTestId('packet-layer-name-1').textContent).toBe('Address Resolution Protocol (request)');
    expect(screen.getByTestId('packet-field-value-eth.dst').textContent).toBe('Broadcast (ff:ff:ff:ff:ff:ff)');
    expect(screen.getByTestId('packet-field-value-arp.dst.proto_ipv4').textContent).toBe('10.0.0.2');
    expect(screen.getByText('sent by pc1 (eth0) on pc1:eth0-sw1:p1 at 0.000000 s')).toBeTruthy();
  });

  it("selecting a field highlights exactly its bytes and explains it", () => {
    show('en');
    expect(selectedBytes()).toEqual([]);
    fireEvent.click(screen.getByTestId('packet-field-arp.dst.proto_ipv4'));
    expect(selectedBytes()).toEqual(['hex-byte-38', 'hex-byte-39', 'hex-byte-40', 'hex-byte-41']);
    expect(screen.getByTestId('packet-field-arp.dst.proto_ipv4').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('packet-field-meaning').textContent).toBe(
      'Target IP addressbytes 38–41The IPv4 address whose MAC address is wanted.',
    );
  });

  it('selecting a layer highlights the whole header', () => {
    show('en');
    fireEvent.click(screen.getByTestId('packet-layer-name-0'));
    expect(selectedBytes()).toHaveLength(14);
  });

  it('names the fields in Korean, keeping the Wireshark key', () => {
    show('ko');
    const field = screen.getByTestId('packet-field-eth.src');
    expect(field.querySelector('.field-label')!.textContent).toBe('출발지');
    expect(field.querySelector('.field-key')!.textContent).toBe('eth.src');
    expect(screen.getByTestId('packet-detail-title').textContent).toBe('1번 패킷');
  });
});
