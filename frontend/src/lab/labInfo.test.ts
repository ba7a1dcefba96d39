import { describe, expect, it } from 'vitest';
import { parseLabInfo } from './labInfo';

describe('parseLabInfo', () => {
  it('reads the title, summary, steps with hints and checks, and node positions of an exported lab file', () => {
    const info = parseLabInfo(`---
id: "tcp-connection"
title:
  en: "A TCP connection from handshake to TIME_WAIT"
  ko: "3-way handshake부터 TIME-WAIT까지, TCP 연결 하나"
summary: "Open a connection with nc."
nodes:
- id: "pc1"
  kind: "host"
  position: {x: 120, y: 40}
- id: "sw1"
  kind: "switch"
steps:
- text:
    en: "On srv run \`echo hello | nc -l 8888 &\`"
    ko: "srv에서 \`echo hello | nc -l 8888 &\`을 실행하세요"
  hint: {en: "The & runs it in the background"}
  check:
    socket-state: {node: "srv", port: 8888, state: "LISTEN"}
- text: "On pc1 run \`nc srv 8888\`"
`);
    expect(info).toEqual({
      id: 'tcp-connection',
      title: { en: 'A TCP connection from handshake to TIME_WAIT', ko: '3-way handshake부터 TIME-WAIT까지, TCP 연결 하나' },
      summary: { en: 'Open a connection with nc.', ko: 'Open a connection with nc.' },
      steps: [
        {
          text: { en: 'On srv run `echo hello | nc -l 8888 &`', ko: 'srv에서 `echo hello | nc -l 8888 &`을 실행하세요' },
          hint: { en: 'The & runs it in the background', ko: 'The & runs it in the background' },
          checked: true,
        },
        { text: { en: 'On pc1 run `nc srv 8888`', ko: 'On pc1 run `nc srv 8888`' }, hint: null, checked: false },
      ],
      positions: { pc1: { x: 120, y: 40 } },
      nodes: {
        pc1: { id: 'pc1', kind: 'host', position: { x: 120, y: 40 } },
        sw1: { id: 'sw1', kind: 'switch' },
      },
    });
  });

  it('gives an empty lab for text that is not a lab file', () => {
    expect(parseLabInfo(': : :')).toEqual({ id: '', title: { en: '', ko: '' }, summary: null, steps: [], positions: {}, nodes: {} });
  });
});
