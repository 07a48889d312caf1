import { DrawingsPanel } from '../../panels/DrawingsPanel/DrawingsPanel';

/** The user's own data: handwriting to fine-tune on, and classes of their own. */
export function DataView() {
  return (
    <div className="view-grid">
      <div className="view-col">
        <DrawingsPanel />
      </div>
    </div>
  );
}
