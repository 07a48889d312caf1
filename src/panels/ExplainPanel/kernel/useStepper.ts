import { useEffect, useRef, useState } from 'react';

/**
 * A position that runs through 0..count−1 at `perSecond` while playing, one
 * animation frame at a time (several positions per frame at high speeds),
 * and stops at the end. Starts paused at 0; a new `count` starts over.
 */
export function useStepper(count: number, perSecond: number) {
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const carry = useRef(0);
  const [lastCount, setLastCount] = useState(count);
  if (count !== lastCount) {
    // Another layer's map: its positions start over (adjusting state while rendering, as React advises).
    setLastCount(count);
    setStep(0);
    setPlaying(false);
  }
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      carry.current += ((now - last) / 1000) * perSecond;
      last = now;
      const advance = Math.floor(carry.current);
      carry.current -= advance;
      if (advance > 0) {
        setStep((s) => {
          const next = Math.min(s + advance, count - 1);
          if (next === count - 1) setPlaying(false);
          return next;
        });
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, perSecond, count]);
  return {
    step,
    playing,
    play: () => {
      if (step >= count - 1) setStep(0); // from the end, play starts over
      carry.current = 0;
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    go: (s: number) => {
      setPlaying(false);
      setStep(Math.max(0, Math.min(count - 1, s)));
    },
  };
}
