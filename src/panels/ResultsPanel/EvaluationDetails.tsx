import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { classNamesIn } from '../../i18n/datasetWords';
import { modelClassNames, modelDataset } from '../../store/selectors';
import { ClassificationReportTable } from '../../charts/ClassificationReportTable';
import { ConfusionMatrix } from '../../charts/ConfusionMatrix';
import { galleryCaption } from '../../charts/galleryCaption';
import { ImageGallery, type GalleryImage } from '../../charts/ImageGallery';
import { classificationReport } from '../../model/classificationReport';
import { useAppStore } from '../../store/useAppStore';
import type { GalleryState } from '../../store/runs/runsState';

/** 'test', or the epoch (1-based) whose validation matrix is shown. */
type Source = 'test' | number;

/**
 * The classification report and confusion matrix, for the test set or any
 * epoch's validation set, and the galleries of test images behind them: a
 * clicked cell's, or the most confidently wrong. A gallery image clicked
 * becomes the model's input.
 */
export function EvaluationDetails() {
  const { t, i18n } = useTranslation('results');
  const { test, epochs, gallery, input } = useAppStore(
    useShallow((s) => ({ test: s.run.test, epochs: s.run.epochs, gallery: s.runs.gallery, input: s.inspect.input })),
  );
  const showGallery = useAppStore((s) => s.showGallery);
  const closeGallery = useAppStore((s) => s.closeGallery);
  const showTestSample = useAppStore((s) => s.showTestSample);
  const showView = useAppStore((s) => s.showView);
  const dataset = useAppStore(modelDataset);
  const names = useAppStore(modelClassNames);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the names follow the page's language
  const classNames = useMemo(() => classNamesIn(dataset, names, t), [dataset, names, t, i18n.language]);
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
          {t('evaluation.reportFor')}{' '}
          <select value={String(source)} onChange={(e) => setPicked(e.target.value === 'test' ? 'test' : Number(e.target.value))} data-testid="report-source">
            {test && <option value="test">{t('evaluation.testSet', { n: test.count })}</option>}
            {validated.map((e) => (
              <option key={e.epoch} value={e.epoch}>{t('evaluation.validationAfter', { epoch: e.epoch })}</option>
            ))}
          </select>
        </label>
        {test && (
          <button type="button" className="secondary" onClick={() => showGallery(null)} data-testid="show-wrong">
            {t('evaluation.mostWrong')}
          </button>
        )}
      </div>
      <div className="evaluation-body">
        <div className="table-scroll">
          <ClassificationReportTable report={report} classNames={classNames} caption={onTest ? t('evaluation.captionTest') : t('evaluation.captionValidation', { epoch: source })} />
        </div>
        <div className="confusion">
          <ConfusionMatrix
            counts={confusion}
            classNames={classNames}
            testId="confusion-matrix"
            onSelectCell={onTest ? (trueClass, predClass) => showGallery({ trueClass, predClass }) : undefined}
            selected={selected}
          />
          <p className="hint">{onTest ? t('evaluation.hintTest') : t('evaluation.hintValidation')}</p>
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
  const { t } = useTranslation('results');
  const { cell, items, pixels, total } = gallery;
  const images = useMemo<GalleryImage[]>(
    () => items.map((it, i) => ({
      key: String(it.index),
      pixels: pixels ? pixels.subarray(i * 784, (i + 1) * 784) : new Float32Array(784),
      caption: galleryCaption(classNames[it.label], classNames[it.predicted], it.confidence),
      title: t('gallery.imageTitle', { index: it.index, trueName: classNames[it.label], predName: classNames[it.predicted], confidence: (it.confidence * 100).toFixed(1) }),
      wrong: it.label !== it.predicted,
    })),
    [items, pixels, classNames, t],
  );
  const title = cell
    ? t('gallery.cellTitle', { trueName: classNames[cell.trueClass], predName: classNames[cell.predClass] })
    : t('gallery.wrongTitle');
  const count =
    total === null ? t('gallery.finding') : total > items.length ? t('gallery.mostConfidentOf', { shown: items.length, total }) : t('gallery.images', { count: total });
  return (
    <section className="gallery" aria-label={title}>
      <header className="gallery-head">
        <h3>{title}: <span className="muted">{count}</span></h3>
        <button type="button" className="secondary" onClick={onClose} aria-label={t('gallery.closeLabel')}>{t('gallery.close')}</button>
      </header>
      {total !== null && (
        <ImageGallery
          testId={cell ? 'confusion-gallery' : 'wrong-gallery'}
          items={images}
          onSelect={(i) => onSelect(items[i].index)}
          selectedKey={selectedIndex === null ? undefined : String(selectedIndex)}
          emptyText={t('gallery.noTestImages')}
        />
      )}
    </section>
  );
}
