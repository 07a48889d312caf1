import { useAppStore } from '../store/useAppStore';

/** Which tfjs backend trains, and a warning when it is a slow one. */
export function BackendBadge() {
  const backend = useAppStore((s) => s.run.backend);
  return (
    <div className={`backend ${backend?.slow ? 'backend-slow' : ''}`} title={backend?.detail}>
      backend: <strong data-testid="backend-name">{backend?.name ?? 'starting…'}</strong>
      {backend && <span className="backend-detail" data-testid="backend-detail">{backend.slow ? ` · ${backend.detail} (no GPU: slow, use small training sets)` : ` · ${backend.detail}`}</span>}
    </div>
  );
}
