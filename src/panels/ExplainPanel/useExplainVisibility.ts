import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/useAppStore';

/** Tells the store whether the explainer is on screen: out of view, in a hidden view or gone, the worker computes nothing for it. */
export function useExplainVisibility<T extends Element>() {
  const ref = useRef<T | null>(null);
  const setVisible = useAppStore((s) => s.setExplainVisible);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([entry]) => setVisible(entry.isIntersecting), { rootMargin: '100px' });
    io.observe(el);
    return () => {
      io.disconnect();
      setVisible(false);
    };
  }, [setVisible]);
  return ref;
}
