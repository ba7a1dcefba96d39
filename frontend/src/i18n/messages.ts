// Every string the UI shows, in every UI language. A view never hard-codes text:
// it asks `t(key)`. Adding a key to `en` without `ko` is a type error.

export const LANGUAGES = ['en', 'ko'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** How each language names itself on the language switch. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'EN', ko: '한국어' };

const en = {
  'app.name': 'PacketLab',
  'app.tagline': 'A network lab in your browser',
  'lang.switch': 'Language',
  'home.headline': 'Watch every packet your network sends',
  'home.intro':
    'Build a topology of hosts, switches and routers, type commands in a terminal on any host, and follow the ARP requests, the TCP handshake and every segment, one packet at a time. Every byte on the simulated wire is a real protocol byte.',
  'labs.heading': 'Labs',
  'labs.loading': 'Loading labs…',
  'labs.error': 'The lab catalogue could not be loaded: {reason}',
  'labs.retry': 'Try again',
  'labs.empty': 'No labs are installed on this server.',
  'labs.nodes.one': '{n} node',
  'labs.nodes.other': '{n} nodes',
  'footer.text': 'PacketLab simulates hosts, switches and routers with a real protocol stack.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const ko: Messages = {
  'app.name': 'PacketLab',
  'app.tagline': '브라우저 안의 네트워크 실습실',
  'lang.switch': '언어',
  'home.headline': '네트워크가 보내는 모든 패킷을 눈으로 확인하세요',
  'home.intro':
    '호스트, 스위치, 라우터로 토폴로지를 만들고 아무 호스트의 터미널에서 명령을 입력한 뒤, ARP 요청과 TCP 핸드셰이크, 모든 세그먼트를 한 패킷씩 따라가 보세요. 시뮬레이션된 회선 위의 모든 바이트는 실제 프로토콜 바이트입니다.',
  'labs.heading': '실습',
  'labs.loading': '실습 목록을 불러오는 중…',
  'labs.error': '실습 목록을 불러오지 못했습니다: {reason}',
  'labs.retry': '다시 시도',
  'labs.empty': '이 서버에 설치된 실습이 없습니다.',
  'labs.nodes.one': '노드 {n}개',
  'labs.nodes.other': '노드 {n}개',
  'footer.text': 'PacketLab은 실제 프로토콜 스택으로 호스트, 스위치, 라우터를 시뮬레이션합니다.',
};

export const MESSAGES: Record<Lang, Messages> = { en, ko };

/** Looks up `key` in `lang` and fills `{name}` placeholders from `params`. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
