import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Content-box size of an element in CSS pixels (rounded to whole pixels). */
export interface ElementSize {
  width: number;
  height: number;
}

/**
 * Track an element's content-box size with a ResizeObserver.
 *
 * Attach the returned ref to an element that is rendered on mount (the
 * observer is set up once). The size is `{0, 0}` until
 * the first measurement, which happens in a layout effect so the first paint
 * already uses the real width (no flash of a mis-sized chart).
 *
 * Sizes are rounded so sub-pixel jitter does not cause re-render loops, and the
 * state is only updated when the rounded size actually changes.
 */
export function useElementSize<T extends Element>(): [RefObject<T | null>, ElementSize] {
  const ref = useRef<T | null>(null);
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;

    const update = (width: number, height: number) => {
      const w = Math.round(width);
      const h = Math.round(height);
      setSize((prev) => (prev.width === w && prev.height === h ? prev : { width: w, height: h }));
    };

    // Measure synchronously once: ResizeObserver's first callback arrives after
    // paint, which would otherwise render one frame at width 0.
    // getBoundingClientRect is the border box; subtract padding and border so
    // this agrees with the content-box sizes ResizeObserver reports later.
    const rect = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const px = (v: string) => parseFloat(v) || 0;
    update(
      rect.width - px(cs.paddingLeft) - px(cs.paddingRight) - px(cs.borderLeftWidth) - px(cs.borderRightWidth),
      rect.height - px(cs.paddingTop) - px(cs.paddingBottom) - px(cs.borderTopWidth) - px(cs.borderBottomWidth),
    );

    // Old browsers / non-DOM environments: keep the one-off measurement.
    if (typeof ResizeObserver === 'undefined') return;

    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) update(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return [ref, size];
}
