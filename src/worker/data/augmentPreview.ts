import { previewSamples } from '../../augment/previewSamples';
import type { ImageSet } from '../../engine/imageSet';
import { checkAugmentConfig } from '../../model/augmentConfig';
import type { AugmentPreviewRequest, DrawingsEvent } from '../../protocol';
import type { DatasetCache } from './datasetCache';
import { packedImageSet } from './packedImageSet';
import { SessionError } from '../sessionError';
import { message } from '../../model/message';

/** A preview shows this many training images, each with this many augmented variants. */
const PREVIEW_ORIGINALS = 8;
const PREVIEW_VARIANTS = 5;

/**
 * The answer to a preview request: a few training images of the request's
 * dataset (the user's classes come with it), each followed by augmented
 * variants under the request's settings. Rejects settings out of range.
 */
export async function augmentPreview(
  req: AugmentPreviewRequest,
  datasets: Pick<DatasetCache, 'get'>,
): Promise<Extract<DrawingsEvent, { type: 'augmentSample' }>> {
  const check = checkAugmentConfig(req.augment);
  if ('error' in check) throw new SessionError('invalid-request', message('errors:request.augmentation', { error: check.detail }));
  let images: ImageSet;
  if (req.dataset === 'own') {
    if (!req.own || req.own.count === 0) throw new SessionError('invalid-request', message('errors:request.noDrawingsToAugment'));
    images = packedImageSet(req.own, 256, message('errors:drawings.yourClasses'));
  } else {
    images = (await datasets.get(req.dataset)).train;
  }
  const sample = previewSamples(images, check.config, req.seed, PREVIEW_ORIGINALS, PREVIEW_VARIANTS);
  return { type: 'augmentSample', requestId: req.requestId, runId: null, ...sample };
}
