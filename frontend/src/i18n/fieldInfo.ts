// What each dissected field is called and means, by its Wireshark key, in every UI language. The server names a
// field in English; the inspector shows these instead where they exist, and the server's label elsewhere.

import type { Lang } from './messages';

interface FieldText {
  label: string;
  meaning: string;
}

type FieldTable = Record<string, Record<Lang, FieldText>>;

const f = (enLabel: string, en: string, koLabel: string, ko: string): Record<Lang, FieldText> => ({
  en: { label: enLabel, meaning: en },
  ko: { label: koLabel, meaning: ko },
});

export const FIELD_INFO: FieldTable = {
  'eth.dst': f('Destination', 'The MAC address of the interface this frame is for; ff:ff:ff:ff:ff:ff reaches every interface on the segment.',
    '목적지', '이 프레임을 받을 인터페이스의 MAC 주소입니다. ff:ff:ff:ff:ff:ff는 같은 세그먼트의 모든 인터페이스에 전달됩니다.'),
  'eth.src': f('Source', 'The MAC address of the interface that sent the frame. Switches learn where it lives from this.',
    '출발지', '프레임을 보낸 인터페이스의 MAC 주소입니다. 스위치는 이 값으로 주소가 어느 포트에 있는지 학습합니다.'),
  'eth.type': f('Type', 'Which protocol the payload is: 0x0800 IPv4, 0x0806 ARP.',
    '타입', '페이로드가 어떤 프로토콜인지 나타냅니다. 0x0800은 IPv4, 0x0806은 ARP입니다.'),
  'arp.hw.type': f('Hardware type', 'The kind of link addresses asked about: 1 is Ethernet.',
    '하드웨어 타입', '질의하는 링크 주소의 종류입니다. 1은 이더넷입니다.'),
  'arp.proto.type': f('Protocol type', 'The kind of address being resolved: 0x0800 is IPv4.',
    '프로토콜 타입', '변환하려는 주소의 종류입니다. 0x0800은 IPv4입니다.'),
  'arp.hw.size': f('Hardware size', 'Length of a MAC address in bytes.', '하드웨어 주소 길이', 'MAC 주소의 길이(바이트)입니다.'),
  'arp.proto.size': f('Protocol size', 'Length of an IPv4 address in bytes.', '프로토콜 주소 길이', 'IPv4 주소의 길이(바이트)입니다.'),
  'arp.opcode': f('Opcode', '1 asks "who has this IP address?", 2 answers it.',
    '동작 코드', '1은 "이 IP 주소를 가진 호스트는?"이라는 요청, 2는 그에 대한 응답입니다.'),
  'arp.src.hw_mac': f('Sender MAC address', 'The MAC address of the sender; the receiver caches it.',
    '송신자 MAC 주소', '보낸 쪽의 MAC 주소입니다. 받은 쪽은 이 값을 ARP 캐시에 저장합니다.'),
  'arp.src.proto_ipv4': f('Sender IP address', 'The IPv4 address of the sender.', '송신자 IP 주소', '보낸 쪽의 IPv4 주소입니다.'),
  'arp.dst.hw_mac': f('Target MAC address', 'Unknown (zeros) in a request: it is what the request asks for.',
    '대상 MAC 주소', '요청에서는 아직 모르는 값이라 0으로 채워집니다. 바로 이 값을 묻는 것입니다.'),
  'arp.dst.proto_ipv4': f('Target IP address', 'The IPv4 address whose MAC address is wanted.',
    '대상 IP 주소', 'MAC 주소를 알고 싶은 IPv4 주소입니다.'),
  'ip.version': f('Version', '4 for IPv4.', '버전', 'IPv4이므로 4입니다.'),
  'ip.hdr_len': f('Header length', 'The IPv4 header length, counted in 4-byte words (5 means 20 bytes, no options).',
    '헤더 길이', 'IPv4 헤더의 길이를 4바이트 단위로 셉니다. 5는 옵션 없는 20바이트입니다.'),
  'ip.dsfield': f('Differentiated services', 'Priority marking (DSCP) and congestion notification (ECN).',
    '차등 서비스', '우선순위 표시(DSCP)와 혼잡 알림(ECN)입니다.'),
  'ip.len': f('Total length', 'Bytes in the IP packet, header included.', '전체 길이', '헤더를 포함한 IP 패킷의 바이트 수입니다.'),
  'ip.id': f('Identification', 'Ties the fragments of one packet together.', '식별자', '한 패킷에서 나온 조각(fragment)들을 묶어 줍니다.'),
  'ip.flags': f('Flags', "Don't fragment: routers must drop rather than split it. More fragments: more pieces follow.",
    '플래그', 'DF(분할 금지)는 라우터가 나누지 말고 버려야 함을, MF는 뒤에 조각이 더 있음을 뜻합니다.'),
  'ip.frag_offset': f('Fragment offset', "Where this fragment's data goes in the original packet, in 8-byte units.",
    '조각 오프셋', '이 조각의 데이터가 원래 패킷의 어디에 들어가는지를 8바이트 단위로 나타냅니다.'),
  'ip.ttl': f('Time to live', 'Hops left: each router subtracts 1 and drops the packet at 0, answering with ICMP Time Exceeded.',
    'TTL(생존 시간)', '남은 홉 수입니다. 라우터를 지날 때마다 1씩 줄고, 0이 되면 버려지며 ICMP Time Exceeded로 알립니다.'),
  'ip.proto': f('Protocol', 'What the payload is: 1 ICMP, 6 TCP, 17 UDP.', '프로토콜', '페이로드의 종류입니다. 1은 ICMP, 6은 TCP, 17은 UDP입니다.'),
  'ip.checksum': f('Header checksum', 'Detects damage to the header; recomputed by every router since the TTL changes.',
    '헤더 체크섬', '헤더 손상을 검출합니다. TTL이 바뀌므로 라우터마다 다시 계산합니다.'),
  'ip.src': f('Source address', 'The IPv4 address of the sender.', '출발지 주소', '보낸 호스트의 IPv4 주소입니다.'),
  'ip.dst': f('Destination address', 'The IPv4 address of the final receiver; routers forward by it.',
    '목적지 주소', '최종 수신자의 IPv4 주소입니다. 라우터는 이 값으로 경로를 정합니다.'),
  'icmp.type': f('Type', '8 echo request, 0 echo reply, 3 destination unreachable, 11 time exceeded.',
    '타입', '8은 에코 요청, 0은 에코 응답, 3은 목적지 도달 불가, 11은 시간 초과입니다.'),
  'icmp.code': f('Code', 'Refines the type, e.g. 3/3 is "port unreachable".', '코드', '타입을 세분합니다. 예를 들어 3/3은 "포트 도달 불가"입니다.'),
  'icmp.checksum': f('Checksum', 'Covers the whole ICMP message.', '체크섬', 'ICMP 메시지 전체를 검사합니다.'),
  'icmp.ident': f('Identifier', 'Which ping program the reply belongs to.', '식별자', '응답이 어느 ping 프로세스의 것인지 구별합니다.'),
  'icmp.seq': f('Sequence number', 'Counts the echo requests of one ping run: icmp_seq in its output.',
    '순서 번호', '한 번의 ping 실행에서 보낸 에코 요청의 번호입니다. 출력의 icmp_seq가 이것입니다.'),
  'icmp.mtu': f('MTU of next hop', 'The largest packet the next link takes: path MTU discovery reads it.',
    '다음 홉 MTU', '다음 링크가 받을 수 있는 가장 큰 패킷 크기입니다. 경로 MTU 탐색에 쓰입니다.'),
  'udp.srcport': f('Source port', "The sender's port: replies go back to it.", '출발지 포트', '보낸 쪽의 포트입니다. 응답은 이 포트로 돌아옵니다.'),
  'udp.dstport': f('Destination port', 'Which socket on the receiver gets the datagram (53 is DNS).',
    '목적지 포트', '받는 호스트에서 어느 소켓이 데이터그램을 받을지 정합니다(53은 DNS).'),
  'udp.length': f('Length', 'Bytes in the UDP header and data.', '길이', 'UDP 헤더와 데이터의 바이트 수입니다.'),
  'udp.checksum': f('Checksum', 'Covers header, data and the IP addresses; 0 means not computed.',
    '체크섬', '헤더, 데이터, IP 주소를 검사합니다. 0은 계산하지 않았다는 뜻입니다.'),
  'tcp.srcport': f('Source port', "The sender's port; with the addresses it names the connection.",
    '출발지 포트', '보낸 쪽의 포트입니다. 주소와 함께 연결을 식별합니다.'),
  'tcp.dstport': f('Destination port', "The receiver's port: a listening server's well-known port, or the client's ephemeral one.",
    '목적지 포트', '받는 쪽의 포트입니다. 서버의 잘 알려진 포트이거나 클라이언트의 임시 포트입니다.'),
  'tcp.seq': f('Sequence number', 'The number of the first data byte in this segment (a SYN or FIN counts as one byte).',
    '순서 번호', '이 세그먼트의 첫 데이터 바이트 번호입니다(SYN과 FIN도 1바이트로 셉니다).'),
  'tcp.ack': f('Acknowledgment number', 'The next byte the sender expects: everything before it arrived.',
    '확인 응답 번호', '보낸 쪽이 다음에 받기를 기대하는 바이트 번호입니다. 그 앞은 모두 받았다는 뜻입니다.'),
  'tcp.hdr_len': f('Header length', 'The TCP header length in 4-byte words: 5 is 20 bytes, more means options.',
    '헤더 길이', 'TCP 헤더 길이를 4바이트 단위로 셉니다. 5는 20바이트이고, 더 크면 옵션이 있습니다.'),
  'tcp.flags': f('Flags', 'SYN opens, FIN closes, ACK makes the acknowledgment number valid, RST aborts, PSH delivers at once.',
    '플래그', 'SYN은 연결 시작, FIN은 종료, ACK는 확인 응답 번호가 유효함, RST는 강제 종료, PSH는 즉시 전달을 뜻합니다.'),
  'tcp.window_size_value': f('Window', 'How many more bytes the sender of this segment can receive now (flow control).',
    '윈도우', '이 세그먼트를 보낸 쪽이 지금 더 받을 수 있는 바이트 수입니다(흐름 제어).'),
  'tcp.checksum': f('Checksum', 'Covers header, data and the IP addresses.', '체크섬', '헤더, 데이터, IP 주소를 검사합니다.'),
  'tcp.urgent_pointer': f('Urgent pointer', 'Almost never used; meaningful only with the URG flag.',
    '긴급 포인터', '거의 쓰이지 않으며 URG 플래그가 있을 때만 의미가 있습니다.'),
  'tcp.options': f('Options', 'Extra header fields negotiated on the SYN: MSS, window scale, SACK, timestamps.',
    '옵션', 'SYN에서 협상하는 추가 헤더 필드입니다. MSS, 윈도우 스케일, SACK, 타임스탬프 등이 있습니다.'),
  'tcp.options.mss_val': f('MSS value', 'The largest segment data this side wants to receive.',
    'MSS 값', '이쪽이 받고 싶은 세그먼트 데이터의 최대 크기입니다.'),
  'tcp.options.nop': f('No-Operation (NOP)', 'Padding that aligns the next option.', 'NOP(무동작)', '다음 옵션을 정렬하기 위한 채움 바이트입니다.'),
};

/** A field's name and meaning in `lang`, or null when the table does not know the key. */
export function fieldText(key: string, lang: Lang): FieldText | null {
  return FIELD_INFO[key]?.[lang] ?? null;
}
