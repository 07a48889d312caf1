import { useEffect, useRef } from 'react';
import type { InspectState } from '../store/inspect/inspectState';
import { useAppStore } from '../store/useAppStore';

/**
 * Tells the store whether a panel is on screen, so the worker skips the
 * snapshots nobody can see: scrolled out of view, in a view that is not
 * shown (its effects are unmounted then), or gone. Returns the ref to put on the panel.
 */
export function useReportVisibility<T extends Element>(panel: keyof InspectState['visible']) {
  const ref = useRef<T | null>(null);
  const setVisible = useAppStore((s) => s.setPanelVisible);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([entry]) => setVisible(panel, entry.isIntersecting), { rootMargin: '100px' });
    io.observe(el);
    return () => {
      io.disconnect();
      setVisible(panel, false);
    };
  }, [panel, setVisible]);
  return ref;
}
