// What the server says in English and also as a code (docs/protocol.md: a `socket` message's `code` and `params`),
// said here in every UI language. `server-codes.json` is the server's list of codes (ServerCodesFileTest keeps it
// so); serverText.test.ts proves every code in it has a text in each language.

import type { Lang } from './messages';

/** Why a socket changed state, by the server's cause code; `{state}`, `{count}`, `{code}` are its parameters. */
export const socketCausesEn = {
  'listen-called': 'listen() called',
  'connect-called': 'connect() called',
  'bind-called': 'bind() called',
  'bound-ephemeral': 'bound to an ephemeral port',
  'close-called': 'close() called',
  'close-in-close-wait': 'close() called in CLOSE_WAIT',
  'close-or-shutdown': 'close() or shutdown() called',
  'shutdown-before-connected': 'shutdown() before the connection was made',
  'close-unread-data-rst': 'close() with unread data: RST sent',
  aborted: 'aborted',
  'syn-received': 'SYN received',
  'syn-ack-received': 'SYN+ACK received',
  'simultaneous-open': 'SYN received in SYN_SENT (simultaneous open)',
  'ack-of-syn-ack': 'ACK of SYN+ACK received',
  'listener-closed-rst': 'its listener was closed: RST sent',
  'data-after-close-rst': 'data arrived after close(): RST sent',
  'ack-of-fin': 'ACK of FIN received',
  'ack-of-fin-in-closing': 'ACK of FIN received in CLOSING',
  'fin-received': 'FIN received',
  'fin-and-ack-in-fin-wait-1': 'FIN received in FIN_WAIT1, our FIN acknowledged',
  'simultaneous-close': 'FIN received in FIN_WAIT1 (simultaneous close)',
  'time-wait-ended': '2·MSL elapsed',
  'fin-timeout': 'no FIN from the peer within net.ipv4.tcp_fin_timeout',
  'connection-refused': 'RST received in SYN_SENT: connection refused',
  'rst-half-open': 'RST received in SYN_RECV: the half-open connection is dropped',
  'rst-in-syn-recv': 'RST received in SYN_RECV',
  'rst-received': 'RST received',
  'rst-received-in': 'RST received in {state}',
  'no-ack-for-syn-ack': 'no ACK for the SYN+ACK',
  'syn-retries-exhausted': 'no answer to {count} SYNs',
  'retransmissions-exhausted': 'no ACK after {count} retransmissions',
  'window-probes-unanswered': 'window probes unanswered',
  'icmp-unreachable-in-syn-sent': 'ICMP destination unreachable (code {code}) in SYN_SENT',
  other: 'something else happened',
} as const;

export type SocketCauseCode = keyof typeof socketCausesEn;

const socketCausesKo: Record<SocketCauseCode, string> = {
  'listen-called': 'listen() 호출',
  'connect-called': 'connect() 호출',
  'bind-called': 'bind() 호출',
  'bound-ephemeral': '임시 포트에 바인드됨',
  'close-called': 'close() 호출',
  'close-in-close-wait': 'CLOSE_WAIT에서 close() 호출',
  'close-or-shutdown': 'close() 또는 shutdown() 호출',
  'shutdown-before-connected': '연결되기 전에 shutdown() 호출',
  'close-unread-data-rst': '읽지 않은 데이터가 있는 채로 close(): RST 보냄',
  aborted: '중단됨',
  'syn-received': 'SYN 받음',
  'syn-ack-received': 'SYN+ACK 받음',
  'simultaneous-open': 'SYN_SENT에서 SYN 받음(동시 열기)',
  'ack-of-syn-ack': 'SYN+ACK에 대한 ACK 받음',
  'listener-closed-rst': '리스닝 소켓이 닫힘: RST 보냄',
  'data-after-close-rst': 'close() 뒤에 데이터가 옴: RST 보냄',
  'ack-of-fin': 'FIN에 대한 ACK 받음',
  'ack-of-fin-in-closing': 'CLOSING에서 FIN에 대한 ACK 받음',
  'fin-received': 'FIN 받음',
  'fin-and-ack-in-fin-wait-1': 'FIN_WAIT1에서 FIN 받음, 보낸 FIN도 확인됨',
  'simultaneous-close': 'FIN_WAIT1에서 FIN 받음(동시 닫기)',
  'time-wait-ended': '2·MSL 지남',
  'fin-timeout': 'net.ipv4.tcp_fin_timeout 안에 상대의 FIN이 오지 않음',
  'connection-refused': 'SYN_SENT에서 RST 받음: 연결 거부',
  'rst-half-open': 'SYN_RECV에서 RST 받음: 반쯤 열린 연결을 버림',
  'rst-in-syn-recv': 'SYN_RECV에서 RST 받음',
  'rst-received': 'RST 받음',
  'rst-received-in': '{state}에서 RST 받음',
  'no-ack-for-syn-ack': 'SYN+ACK에 대한 ACK가 오지 않음',
  'syn-retries-exhausted': 'SYN {count}번에 응답 없음',
  'retransmissions-exhausted': '{count}번 재전송해도 ACK 없음',
  'window-probes-unanswered': '윈도 프로브에 응답 없음',
  'icmp-unreachable-in-syn-sent': 'SYN_SENT에서 ICMP 목적지 도달 불가(코드 {code}) 받음',
  other: '다른 일이 일어남',
};

export const SOCKET_CAUSES: Record<Lang, Record<SocketCauseCode, string>> = { en: socketCausesEn, ko: socketCausesKo };

function isSocketCause(code: string): code is SocketCauseCode {
  return Object.prototype.hasOwnProperty.call(socketCausesEn, code);
}

/**
 * Why a socket changed state, in `lang`: from its code and parameters when the server sent them and knows the
 * cause, else the server's English text.
 */
export function causeText(lang: Lang, change: { cause: string; code?: string; params?: Record<string, string> }): string {
  const code = change.code;
  if (!code || code === 'other' || !isSocketCause(code)) return change.cause;
  return SOCKET_CAUSES[lang][code].replace(/\{(\w+)\}/g, (whole, name: string) => change.params?.[name] ?? whole);
}

/**
 * A step check's explanation in `lang`: the server sends it in English (`why`) and in Korean (`whyKo`); the English
 * when the UI is in English, or when the server sent no Korean (an older server, a verdict stored before).
 */
export function checkWhy(lang: Lang, verdict: { why?: string | null; whyKo?: string | null }): string | undefined {
  if (lang === 'ko' && verdict.whyKo) return verdict.whyKo;
  return verdict.why ?? undefined;
}

/** What a drop's detail says, by the server's detail code (docs/protocol.md, `frame-dropped`). */
export const dropDetailsEn = {
  'lost-on-link': 'lost on {link}',
  'queued-cable-removed': 'queued when the cable was removed',
  'queued-interface-down': 'queued when the interface went down',
  'larger-than-link-mtu': '{size} bytes > MTU {mtu}',
  'device-queue-full': 'queue of {limit} frames is full',
  'short-frame': 'shorter than an Ethernet header',
  'unknown-ethertype': 'EtherType {type} is not spoken here',
  'not-forwarding': 'IP packet for {address} and net.ipv4.ip_forward is 0',
  'no-ip-protocol': 'no layer for IP protocol {protocol}',
  'ttl-expired-at': 'TTL {ttl} at {node}',
  'no-route-to': 'no route to {address}',
  'no-route-back-to': 'no route back to {address}',
  'larger-than-route-mtu': '{size} bytes > MTU {mtu} of {interface}',
  'arp-queue-full': 'ARP queue for {address} is full',
  'no-arp-reply-from': 'no reply from {address} after {count} ARP requests',
  'fragment-out-of-range': 'fragment at offset {offset} with {length} bytes of data cannot be part of a datagram',
  'reassembly-incomplete': 'datagram {id} incomplete after {seconds} s',
  'udp-port-closed': 'no socket on UDP port {port}',
  'udp-receive-buffer-full': 'receive buffer of UDP port {port} is full',
  'tcp-port-closed': 'no socket on TCP port {port}: answered with RST',
  'tcp-rst-no-connection': 'RST for TCP port {port}, where no connection exists',
  'malformed-tcp-options': 'malformed TCP options',
  'listen-backlog-full': 'backlog of {backlog} on TCP port {port} is full',
  'zero-receive-window': 'zero receive window: {bytes} bytes not taken',
  'sequence-outside-window': 'sequence {seq} outside the window {from}..{to}: acknowledged and discarded',
  'data-after-fin': "data after the peer's FIN",
  'beyond-receive-window': '{bytes} bytes beyond the receive window',
  other: 'details in English only',
} as const;

export type DropDetailCode = keyof typeof dropDetailsEn;

const dropDetailsKo: Record<DropDetailCode, string> = {
  'lost-on-link': '{link}에서 손실',
  'queued-cable-removed': '케이블이 제거될 때 큐에 있었음',
  'queued-interface-down': '인터페이스가 꺼질 때 큐에 있었음',
  'larger-than-link-mtu': '{size}바이트 > MTU {mtu}',
  'device-queue-full': '프레임 {limit}개짜리 큐가 가득 참',
  'short-frame': '이더넷 헤더보다 짧음',
  'unknown-ethertype': '여기서는 EtherType {type}을 다루지 않음',
  'not-forwarding': '{address}로 가는 IP 패킷인데 net.ipv4.ip_forward가 0임',
  'no-ip-protocol': 'IP 프로토콜 {protocol}을 처리할 계층이 없음',
  'ttl-expired-at': '{node}에서 TTL {ttl}',
  'no-route-to': '{address}로 가는 경로 없음',
  'no-route-back-to': '{address}로 돌아갈 경로 없음',
  'larger-than-route-mtu': '{size}바이트 > {interface}의 MTU {mtu}',
  'arp-queue-full': '{address}의 ARP 큐가 가득 참',
  'no-arp-reply-from': 'ARP 요청 {count}번에도 {address}의 응답 없음',
  'fragment-out-of-range': '오프셋 {offset}, 데이터 {length}바이트 조각은 데이터그램의 일부가 될 수 없음',
  'reassembly-incomplete': '데이터그램 {id}이(가) {seconds}초 뒤에도 다 모이지 않음',
  'udp-port-closed': 'UDP 포트 {port}에 소켓 없음',
  'udp-receive-buffer-full': 'UDP 포트 {port}의 수신 버퍼가 가득 참',
  'tcp-port-closed': 'TCP 포트 {port}에 소켓 없음: RST로 응답',
  'tcp-rst-no-connection': '연결이 없는 TCP 포트 {port}로 온 RST',
  'malformed-tcp-options': 'TCP 옵션 형식이 잘못됨',
  'listen-backlog-full': 'TCP 포트 {port}의 백로그 {backlog}개가 가득 참',
  'zero-receive-window': '수신 윈도가 0: {bytes}바이트를 받지 않음',
  'sequence-outside-window': '시퀀스 {seq}이(가) 윈도 {from}..{to} 밖: ACK를 보내고 버림',
  'data-after-fin': '상대의 FIN 뒤에 온 데이터',
  'beyond-receive-window': '{bytes}바이트가 수신 윈도를 넘음',
  other: '자세한 내용은 영어로만 있음',
};

export const DROP_DETAILS: Record<Lang, Record<DropDetailCode, string>> = { en: dropDetailsEn, ko: dropDetailsKo };

/**
 * A drop's detail in `lang`, from its code when the server sent one it knows, else the server's English text; null
 * when the drop has no detail.
 */
export function dropDetailText(
  lang: Lang,
  drop: { detail: string | null; detailCode?: string; detailParams?: Record<string, string> },
): string | null {
  if (drop.detail === null) return null;
  const code = drop.detailCode;
  if (!code || code === 'other' || !Object.prototype.hasOwnProperty.call(dropDetailsEn, code)) return drop.detail;
  return DROP_DETAILS[lang][code as DropDetailCode].replace(/\{(\w+)\}/g, (whole, name: string) => drop.detailParams?.[name] ?? whole);
}
