import { describe, expect, it } from 'vitest';
import { boxExit, isTcpState, STATE_BOX, TCP_STATES, TCP_TRANSITIONS, transitionPath } from './tcpStates';

describe('the TCP state diagram', () => {
  it('has the eleven states of RFC 9293, spelled as the stack reports them', () => {
    expect(TCP_STATES).toHaveLength(11);
    expect(isTcpState('TIME_WAIT')).toBe(true);
    expect(isTcpState('TIME-WAIT')).toBe(false);
  });

  it('joins only states it has, and every state is reached or left by an arrow', () => {
    const touched = new Set(TCP_TRANSITIONS.flatMap((t) => [t.from, t.to]));
    expect([...touched].sort()).toEqual([...TCP_STATES].sort());
  });

  it('starts and ends an arrow on the edges of its boxes', () => {
    expect(boxExit({ x: 100, y: 100 }, { x: 100, y: 300 })).toEqual({ x: 100, y: 100 + STATE_BOX.height / 2 });
    expect(boxExit({ x: 100, y: 100 }, { x: 400, y: 100 })).toEqual({ x: 100 + STATE_BOX.width / 2, y: 100 });
    // FIN_WAIT_2 (100, 436) → TIME_WAIT (280, 436): level, its label above it
    const tr = TCP_TRANSITIONS.find((t) => t.from === 'FIN_WAIT_2' && t.to === 'TIME_WAIT')!;
    expect(transitionPath(tr)).toEqual({ d: 'M159 436 L221 436', labelAt: { x: 190, y: 427 }, anchor: 'middle' });
  });
});
