/**
 * The user's drawings that come with a Train request, checked and made into
 * image sets: their own classes (dataset 'own'), or the handwriting a
 * fine-tuning mixes into every batch.
 */
import { DATASETS } from '../../data/datasets';
import { sameClassNames } from '../../drawings/drawingSet';
import type { BatchMix } from '../../engine/batchMaker';
import type { ImageSet } from '../../engine/imageSet';
import { checkAugmentConfig } from '../../model/augmentConfig';
import { emptyImageSet, packedImageSet } from '../data/packedImageSet';
import type { SavedRun, TrainRequest } from '../../protocol';
import { SessionError } from '../sessionError';

/**
 * The user's classes a run on dataset 'own' trains on, checked: they came
 * with the request, and a continued run still has the classes it was trained on.
 */
export function ownClasses(req: TrainRequest, continued: SavedRun | null): { train: ImageSet; test: ImageSet; classNames: string[] } {
  const own = req.own;
  if (!own || !Array.isArray(own.classNames) || own.classNames.length < 2) {
    throw new SessionError('invalid-request', 'Your classes: the request brought no classes to train on (at least 2)');
  }
  const before = continued?.setup.classNames;
  if (before && !sameClassNames(before, own.classNames)) {
    throw new SessionError('invalid-request', `Your classes changed since "${continued.name}" was trained: it knows ${before.join(', ')}; you now have ${own.classNames.join(', ')}. Train a new network on them instead.`);
  }
  const n = own.classNames.length;
  return { train: packedImageSet(own, n, 'Your classes'), test: emptyImageSet(n), classNames: own.classNames };
}

/** The handwriting to mix into a fine-tuning run, checked: only a digits model can learn digits. */
export function handwritingMix(req: TrainRequest): { mix: BatchMix | null; heldOut: ImageSet | null } {
  const m = req.mix;
  if (!m) return { mix: null, heldOut: null };
  if (req.dataset !== 'mnist') throw new SessionError('invalid-request', `Fine-tuning on your handwriting needs a network trained on MNIST digits, not ${DATASETS[req.dataset].label}`);
  if (!(m.share > 0 && m.share < 1)) throw new SessionError('invalid-request', `The share of your drawings in each batch must be between 0 and 1, not ${m.share}`);
  let augment = null;
  if (m.augment) {
    const check = checkAugmentConfig(m.augment);
    if ('error' in check) throw new SessionError('invalid-request', `Augmentation of your drawings: ${check.error}`);
    augment = check.config;
  }
  const images = packedImageSet(m.train, 10, 'Your handwriting');
  if (images.count === 0) throw new SessionError('invalid-request', 'Your handwriting: no drawings to fine-tune on');
  return { mix: { images, share: m.share, augment }, heldOut: packedImageSet(m.heldOut, 10, 'Your held-out drawings') };
}
