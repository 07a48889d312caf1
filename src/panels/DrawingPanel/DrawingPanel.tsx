import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrayImage } from '../../input/grayImage';
import { preprocessClothing } from '../../input/preprocessClothing';
import { preprocessDigit } from '../../input/preprocessDigit';
import { DATASETS, hasTestSet } from '../../data/datasets';
import { className } from '../../i18n/datasetWords';
import { wordMessage } from '../../i18n/i18n';
import { asMessage, message, MessageError, type Message } from '../../model/message';
import { inputPixels, modelDataset } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { AddToDrawings } from './AddToDrawings';
import { InputPreview } from './InputPreview';
import { readImageFile } from './readImageFile';
import { PAD_SIZE, useDrawingCanvas } from './useDrawingCanvas';

/** While drawing, the live model is asked at most this often. */
const DRAW_THROTTLE_MS = 120;

/** Red channel of the pad as ink in [0, 1] (the pad is white on black). */
function readPad(ctx: CanvasRenderingContext2D): GrayImage {
  const { data } = ctx.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
  const out = new Float32Array(PAD_SIZE * PAD_SIZE);
  for (let i = 0; i < out.length; i++) out[i] = data[i * 4] / 255;
  return { width: PAD_SIZE, height: PAD_SIZE, data: out };
}

/** The drawing pad, its controls, test-set samples and the 28×28 preview. */
export function DrawingPanel() {
  const { t } = useTranslation('inspect');
  const dataset = useAppStore(modelDataset);
  const setInput = useAppStore((s) => s.setInput);
  const showTestSample = useAppStore((s) => s.showTestSample);
  const sample = useAppStore((s) => s.inspect.testSample);
  const input = useAppStore(inputPixels);
  const testIndex = useAppStore((s) => (s.inspect.input?.kind === 'testImage' ? s.inspect.input.index : null));
  const isClothing = dataset === 'fashion-mnist';
  const [brush, setBrush] = useState(isClothing ? 28 : 20);
  const [fill, setFill] = useState(false);
  const lastSent = useRef(0);
  // A message, worded when shown (an unexpected error's own text as it is).
  const [uploadError, setUploadError] = useState<Message | null>(null);
  const preprocess = isClothing ? preprocessClothing : preprocessDigit;

  const onUpload = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    try {
      const { input: x, empty } = preprocess(await readImageFile(file));
      if (empty) setUploadError(message('inspect:upload.blank', { name: file.name }));
      else setInput(x);
    } catch (e) {
      setUploadError(e instanceof MessageError ? e.detail : asMessage((e as Error).message));
    }
  };

  const onChange = useCallback(
    (ctx: CanvasRenderingContext2D, strokeEnded: boolean) => {
      const now = performance.now();
      if (!strokeEnded && now - lastSent.current < DRAW_THROTTLE_MS) return;
      lastSent.current = now;
      const img = readPad(ctx);
      // MNIST digits are centred by mass in a 20×20 box; Fashion-MNIST objects fill the frame.
      const { input: x, empty } = preprocess(img);
      setInput(empty ? null : x);
    },
    [preprocess, setInput],
  );
  const pad = useDrawingCanvas({ brush, fill, onChange });
  const nextIndex = testIndex === null ? 0 : testIndex + 1;

  return (
    <section className="card drawing" aria-label={t('pad.ariaLabel')}>
      <h2>{t(isClothing ? 'pad.title.clothing' : dataset === 'own' ? 'pad.title.own' : 'pad.title.digit')}</h2>
      <div className="pad-row">
        <canvas
          ref={pad.canvasRef}
          width={PAD_SIZE}
          height={PAD_SIZE}
          className="pad"
          data-testid="drawing-canvas"
          aria-label={t('pad.canvas')}
          {...pad.handlers}
        />
        <div className="pad-side">
          <InputPreview input={input} />
          <small className="hint">{t('pad.previewHint')}</small>
          {sample && input && (
            <p className="true-label" data-testid="true-label">
              {t('pad.testImage', { index: sample.index })}
              <strong>{className(sample.dataset, sample.label, DATASETS[sample.dataset].classNames, t)}</strong>
            </p>
          )}
        </div>
      </div>
      <div className="pad-tools">
        <label>
          {t('pad.brush')} <input type="range" min={6} max={48} value={brush} onChange={(e) => setBrush(Number(e.target.value))} aria-label={t('pad.brushSize')} />
        </label>
        {isClothing && (
          <label title={t('pad.fillTitle')}>
            <input type="checkbox" checked={fill} onChange={(e) => setFill(e.target.checked)} /> {t('pad.fill')}
          </label>
        )}
        <button onClick={pad.undoStroke}>{t('pad.undo')}</button>
        <button data-testid="clear-drawing" onClick={pad.clear}>
          {t('pad.clear')}
        </button>
      </div>
      <div className="pad-tools">
        <button data-testid="next-test-image" disabled={!hasTestSet(dataset)} onClick={() => showTestSample(nextIndex)}>
          {t('pad.nextTest')}
        </button>
        <button data-testid="random-test-image" disabled={!hasTestSet(dataset)} onClick={() => showTestSample(Math.floor(Math.random() * DATASETS[dataset].testCount))}>
          {t('pad.randomTest')}
        </button>
        <label className="upload">
          {t('pad.upload')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp"
            data-testid="upload-image"
            aria-describedby="upload-msg"
            onChange={(e) => {
              void onUpload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {uploadError && (
        <p id="upload-msg" className="field-error" role="alert" data-testid="upload-error">
          {wordMessage(uploadError, t)}
        </p>
      )}
      {/* Adding a drawing clears the pad for the next one. */}
      <AddToDrawings onAdded={pad.clear} />
    </section>
  );
}
