/**
 * The user's drawings that come with a Train request, checked and made into
 * image sets: their own classes (dataset 'own'), or the handwriting a
 * fine-tuning mixes into every batch.
 */
import { sameClassNames } from '../../drawings/drawingSet';
import type { BatchMix } from '../../engine/batchMaker';
import type { ImageSet } from '../../engine/imageSet';
import { checkAugmentConfig } from '../../model/augmentConfig';
import { emptyImageSet, packedImageSet } from '../data/packedImageSet';
import type { SavedRun, TrainRequest } from '../../protocol';
import { SessionError } from '../sessionError';
import { message } from '../../model/message';

/**
 * The user's classes a run on dataset 'own' trains on, checked: they came
 * with the request, and a continued run still has the classes it was trained on.
 */
export function ownClasses(req: TrainRequest, continued: SavedRun | null): { train: ImageSet; test: ImageSet; classNames: string[] } {
  const own = req.own;
  if (!own || !Array.isArray(own.classNames) || own.classNames.length < 2) {
    throw new SessionError('invalid-request', message('errors:drawings.noClasses'));
  }
  const before = continued?.setup.classNames;
  if (before && !sameClassNames(before, own.classNames)) {
    throw new SessionError('invalid-request', message('errors:drawings.classesChanged', { name: continued.name, before: before.join(', '), now: own.classNames.join(', ') }));
  }
  const n = own.classNames.length;
  return { train: packedImageSet(own, n, message('errors:drawings.yourClasses')), test: emptyImageSet(n), classNames: own.classNames };
}

/** The handwriting to mix into a fine-tuning run, checked: only a digits model can learn digits. */
export function handwritingMix(req: TrainRequest): { mix: BatchMix | null; heldOut: ImageSet | null } {
  const m = req.mix;
  if (!m) return { mix: null, heldOut: null };
  if (req.dataset !== 'mnist') throw new SessionError('invalid-request', message('errors:drawings.fineTuneNeedsMnist', { dataset: message(`data:${req.dataset === 'fashion-mnist' ? 'fashionMnist' : req.dataset}.label`) }));
  if (!(m.share > 0 && m.share < 1)) throw new SessionError('invalid-request', message('errors:drawings.shareRange', { share: String(m.share) }));
  let augment = null;
  if (m.augment) {
    const check = checkAugmentConfig(m.augment);
    if ('error' in check) throw new SessionError('invalid-request', message('errors:drawings.augmentation', { error: check.detail }));
    augment = check.config;
  }
  const images = packedImageSet(m.train, 10, message('errors:drawings.yourHandwriting'));
  if (images.count === 0) throw new SessionError('invalid-request', message('errors:drawings.noHandwriting'));
  return { mix: { images, share: m.share, augment }, heldOut: packedImageSet(m.heldOut, 10, message('errors:drawings.yourHeldOut')) };
}
