import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { modelClassNames } from '../../store/selectors';
import { ClassificationReportTable } from '../../charts/ClassificationReportTable';
import { ConfusionMatrix } from '../../charts/ConfusionMatrix';
import { galleryCaption } from '../../charts/galleryCaption';
import { ImageGallery, type GalleryImage } from '../../charts/ImageGallery';
import { classificationReport } from '../../model/classificationReport';
import { useAppStore } from '../../store/useAppStore';
import type { GalleryState } from '../../store/runs/runsState';
import { formatCount } from '../format';

/** 'test', or the epoch (1-based) whose validation matrix is shown. */
type Source = 'test' | number;

/**
 * The classification report and confusion matrix, for the test set or any
 * epoch's validation set, and the galleries of test images behind them: a
 * clicked cell's, or the most confidently wrong. A gallery image clicked
 * becomes the model's input.
 */
export function EvaluationDetails() {
  const { test, epochs, gallery, input } = useAppStore(
    useShallow((s) => ({ test: s.run.test, epochs: s.run.epochs, gallery: s.runs.gallery, input: s.inspect.input })),
  );
  const showGallery = useAppStore((s) => s.showGallery);
  const closeGallery = useAppStore((s) => s.closeGallery);
  const showTestSample = useAppStore((s) => s.showTestSample);
  const showView = useAppStore((s) => s.showView);
  const classNames = useAppStore(modelClassNames);
  const validated = epochs.filter((e) => e.valConfusion);
  const [picked, setPicked] = useState<Source | null>(null);
  // The test set once there is a result; else the last validated epoch. A pick that no longer exists falls back.
  const source: Source | null =
    picked !== null && (picked === 'test' ? test : validated.some((e) => e.epoch === picked)) ? picked : test ? 'test' : (validated.at(-1)?.epoch ?? null);
  const confusion = source === 'test' ? test?.confusion : validated.find((e) => e.epoch === source)?.valConfusion;
  const report = useMemo(() => (confusion ? classificationReport(confusion, classNames.length) : null), [confusion, classNames.length]);
  if (!confusion || !report || source === null) return null;
  const onTest = source === 'test';
  const selected = onTest && gallery?.cell ? gallery.cell : null;

  return (
    <div className="evaluation">
      <div className="evaluation-head">
        <label>
          Report for{' '}
          <select value={String(source)} onChange={(e) => setPicked(e.target.value === 'test' ? 'test' : Number(e.target.value))} data-testid="report-source">
            {test && <option value="test">the test set ({formatCount(test.count)} images)</option>}
            {validated.map((e) => (
              <option key={e.epoch} value={e.epoch}>the validation set after epoch {e.epoch}</option>
            ))}
          </select>
        </label>
        {test && (
          <button type="button" className="secondary" onClick={() => showGallery(null)} data-testid="show-wrong">
            Most confidently wrong
          </button>
        )}
      </div>
      <div className="evaluation-body">
        <div className="table-scroll">
          <ClassificationReportTable report={report} classNames={classNames} caption={onTest ? 'Test set, as scikit-learn\'s classification_report prints it' : `Validation set after epoch ${source}`} />
        </div>
        <div className="confusion">
          <ConfusionMatrix
            counts={confusion}
            classNames={classNames}
            testId="confusion-matrix"
            onSelectCell={onTest ? (trueClass, predClass) => showGallery({ trueClass, predClass }) : undefined}
            selected={selected}
          />
          <p className="hint">{onTest ? 'Rows: true class. Click a cell to see its images.' : 'Rows: true class. Galleries show test images: pick the test set.'}</p>
        </div>
      </div>
      {gallery && (
        <GalleryView
          gallery={gallery}
          classNames={classNames}
          selectedIndex={input?.kind === 'testImage' ? input.index : null}
          onSelect={(index) => {
            // The Train view shows what the model makes of it (preview, bars, feature maps); Back returns here.
            showTestSample(index);
            showView('train');
          }}
          onClose={closeGallery}
        />
      )}
    </div>
  );
}

function GalleryView({ gallery, classNames, selectedIndex, onSelect, onClose }: {
  gallery: GalleryState;
  classNames: readonly string[];
  selectedIndex: number | null;
  onSelect: (index: number) => void;
  onClose: () => void;
}) {
  const { cell, items, pixels, total } = gallery;
  const images = useMemo<GalleryImage[]>(
    () => items.map((it, i) => ({
      key: String(it.index),
      pixels: pixels ? pixels.subarray(i * 784, (i + 1) * 784) : new Float32Array(784),
      caption: galleryCaption(classNames[it.label], classNames[it.predicted], it.confidence),
      title: `Test image ${it.index}: true ${classNames[it.label]}, predicted ${classNames[it.predicted]} with ${(it.confidence * 100).toFixed(1)}%. Click to look at it.`,
      wrong: it.label !== it.predicted,
    })),
    [items, pixels, classNames],
  );
  const title = cell
    ? `True ${classNames[cell.trueClass]}, predicted ${classNames[cell.predClass]}`
    : 'Most confidently wrong on the test set';
  const count = total === null ? 'finding them…' : total > items.length ? `the ${items.length} most confident of ${formatCount(total)}` : `${formatCount(total)} image${total === 1 ? '' : 's'}`;
  return (
    <section className="gallery" aria-label={title}>
      <header className="gallery-head">
        <h3>{title}: <span className="muted">{count}</span></h3>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close the gallery">Close</button>
      </header>
      {total !== null && (
        <ImageGallery
          testId={cell ? 'confusion-gallery' : 'wrong-gallery'}
          items={images}
          onSelect={(i) => onSelect(items[i].index)}
          selectedKey={selectedIndex === null ? undefined : String(selectedIndex)}
          emptyText="No test images here."
        />
      )}
    </section>
  );
}
