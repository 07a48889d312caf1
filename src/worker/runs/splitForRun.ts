import { imagesFor, type TrainSize } from '../../data/datasets';
import { stratifiedSplit, stratifiedSubset } from '../../data/stratifiedSplit';
import type { ImageSet } from '../../engine/imageSet';
import { trainingImages } from '../../model/parseTrainForm';
import type { TrainConfig } from '../../model/types';
import { SessionError } from '../sessionError';
import { message } from '../../model/message';

/**
 * The images a run learns from, as indices into `images` (a training part):
 * `trainSize` of them drawn stratified, then split stratified into `train` and
 * `test` (validation) by `config.validationSplit`, both seeded by `config.seed`.
 * The page checks the batch size against the same count; a request that gets
 * past it anyway (a stale form, a hand-made message) is refused here.
 * @throws SessionError 'invalid-request' when one batch is more than the training images
 */
export function splitForRun(
  images: ImageSet,
  numClasses: number,
  trainSize: TrainSize,
  config: Pick<TrainConfig, 'batchSize' | 'validationSplit' | 'seed'>,
): { train: Uint32Array; test: Uint32Array } {
  const size = imagesFor(trainSize, images.count);
  const subset = stratifiedSubset(images.labels, numClasses, size, config.seed);
  const split = stratifiedSplit(images.labels, numClasses, config.validationSplit, config.seed, subset);
  if (config.batchSize > trainingImages(size, config.validationSplit)) {
    throw new SessionError('invalid-request', message('errors:request.batchTooLarge', { batchSize: config.batchSize, images: split.train.length }));
  }
  return split;
}
