import { useMemo } from 'react';
import { divergingColor, sequentialColor, symmetricMax } from '../../../charts/colorScales';
import { extent } from '../../../explain/channelOf';

/** Greys over the values' own range (black lowest, white highest), memoised on the array. */
export function useGreys(values: ArrayLike<number> | null) {
  return useMemo(() => {
    const [lo, hi] = values ? extent(values) : [0, 1];
    return (v: number) => sequentialColor(v, lo, hi);
  }, [values]);
}

/** Blue–red around zero, symmetric over the values' largest magnitude, memoised on the array. */
export function useDiverging(values: ArrayLike<number> | null) {
  return useMemo(() => {
    const m = values ? symmetricMax(values) : 1;
    return (v: number) => divergingColor(v, m);
  }, [values]);
}
