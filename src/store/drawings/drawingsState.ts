import { emptyDrawingSet, type DrawingSet, type DrawingSetKind } from '../../drawings/drawingSet';
import type { Message } from '../../model/message';
import type { WorkerEvent } from '../../protocol';

/** Held-out accuracy at one moment of a fine-tuning run. */
export interface HeldOutScore {
  epoch: number;
  correct: number;
  count: number;
  /** Each held-out drawing's predicted digit, in `heldOutIds` order. */
  predicted: Uint8Array;
}

/** One fine-tuning on the user's handwriting: which drawings it held out, and how they scored. */
export interface FineTuneState {
  runId: number;
  heldOutIds: readonly string[];
  /** Before the first step (the model as it was), and after the latest epoch. */
  before: HeldOutScore | null;
  after: HeldOutScore | null;
}

/** Augmented images to show: a preview of the settings, or the live sample of the batch being trained. */
export interface AugmentSampleState {
  source: 'preview' | 'training';
  /** Preview: each original is followed by `perOriginal` variants in `images`. */
  originals: Uint8Array | null;
  perOriginal: number;
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface DrawingsState {
  digits: DrawingSet;
  classes: DrawingSet;
  /** False until the stored sets have been read (adding before would be overwritten). */
  loaded: boolean;
  /** What the last action said (saved, imported, refused), beside the panel: a message the panel words. */
  message: { kind: 'error' | 'info'; text: Message } | null;
  /** Fine-tuning settings, as typed. */
  fineTuneForm: { sharePercent: string; epochs: string; augment: boolean };
  fineTune: FineTuneState | null;
  /** The augmentation grid, and the preview request it answers. */
  sample: AugmentSampleState | null;
  previewRequestId: number;
  /** Counts drawings added from the pad, so that the pad clears after each. */
  added: number;
  /** Why the last drawing could not be added (empty, a test image), beside the add buttons. */
  addError: Message | null;
}

export const INITIAL_DRAWINGS_STATE: DrawingsState = {
  digits: emptyDrawingSet('digits'),
  classes: emptyDrawingSet('classes'),
  loaded: false,
  message: null,
  fineTuneForm: { sharePercent: '50', epochs: '1', augment: true },
  fineTune: null,
  sample: null,
  previewRequestId: 0,
  added: 0,
  addError: null,
};

/** The set of `kind`. */
export const setOf = (s: DrawingsState, kind: DrawingSetKind): DrawingSet => (kind === 'digits' ? s.digits : s.classes);

/** The drawings state after worker `events`: held-out scores of the current fine-tuning, augmented samples. */
export function applyDrawingsEvents(state: DrawingsState, events: readonly WorkerEvent[], runId: number): DrawingsState {
  let s = state;
  for (const e of events) {
    if (e.type === 'heldOutAccuracy') {
      if (!s.fineTune || e.runId !== s.fineTune.runId) continue;
      const score = { epoch: e.epoch, correct: e.correct, count: e.count, predicted: e.predicted };
      s = { ...s, fineTune: { ...s.fineTune, [e.when]: score } };
    } else if (e.type === 'augmentSample') {
      // A preview answers only the latest request; a run's sample only while it is the current run.
      if (e.requestId !== null ? e.requestId !== s.previewRequestId : e.runId !== runId) continue;
      const { originals, perOriginal, images, labels, count } = e;
      s = { ...s, sample: { source: e.requestId !== null ? 'preview' : 'training', originals, perOriginal, images, labels, count } };
    }
  }
  return s;
}
