import { useEffect, useState } from 'preact/hooks';
import { ClassChannel, type ChannelStatus } from './classChannel';
import type { ClassMessage } from './types';

/**
 * Keeps a class channel open while the view is shown, folding each message into state with `apply`. `url` null
 * (no token yet) opens nothing.
 */
export function useClassChannel<S>(
  url: string | null,
  initial: S,
  apply: (state: S, message: ClassMessage) => S,
): { state: S; status: ChannelStatus; detail: string | undefined } {
  const [state, setState] = useState<S>(initial);
  const [status, setStatus] = useState<ChannelStatus>('connecting');
  const [detail, setDetail] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!url) return;
    const channel = new ClassChannel({
      url,
      onMessage: (m) => setState((s) => apply(s, m)),
      onStatus: (next, why) => {
        setStatus(next);
        setDetail(why);
      },
    });
    channel.connect();
    return () => channel.close();
  }, [url, apply]);
  return { state, status, detail };
}
