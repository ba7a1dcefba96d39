import { useEffect, useState } from 'preact/hooks';
import type { LabState } from './labState';
import type { LabStore } from './labStore';

/**
 * A slice of the lab state; the component re-renders only when the selected value changes (by identity), so a
 * view selecting `s.terminals` does not re-render for every frame in flight.
 */
export function useLabState<T>(store: LabStore, select: (state: LabState) => T): T {
  const [value, setValue] = useState(() => select(store.getState()));
  useEffect(() => {
    setValue(() => select(store.getState()));
    return store.subscribe((state) => {
      const next = select(state);
      setValue((prev) => (Object.is(prev, next) ? prev : next));
    });
    // the selector is expected to be stable in what it selects; re-subscribing per render would drop updates
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return value;
}
