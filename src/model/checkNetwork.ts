import { formatShape } from './formatShape';
import { inferShapes, type ModelInfo } from './inferShapes';
import { message, type Message } from './message';
import type { ModelSpec } from './types';

/** What a network must fit to train on a dataset. */
export interface DatasetShape {
  /** Its name, as a message in the page's language (data:mnist.label) or as text. */
  label: string | Message;
  /** Height, width, channels of its images. */
  inputShape: readonly [number, number, number];
  numClasses: number;
}

/** Shapes and parameters of a network, and whether it can train on a dataset. */
export interface NetworkCheck {
  info: ModelInfo;
  /** Why Train is disabled, in one sentence; undefined when it can train. */
  cannotTrain?: Message;
  /** The input is not the dataset's: the network is shown for study only. */
  studyOnly: boolean;
}

/**
 * More weights than this cannot train in a browser tab: Adam keeps two more
 * copies, and WebGL textures of that size fail on most GPUs.
 */
export const MAX_TRAINABLE_PARAMS = 20_000_000;

/**
 * Shape inference plus the dataset's constraints. A network whose input is
 * not the dataset's (AlexNet at 227×227×3) is checked on its own terms (any
 * output size) so that its summary stays correct, and marked study-only.
 */
export function checkNetwork(spec: ModelSpec, ds: DatasetShape): NetworkCheck {
  const sameInput = spec.inputShape.every((d, i) => d === ds.inputShape[i]);
  const info = inferShapes(spec, sameInput ? ds.numClasses : undefined);
  if (info.error) return { info, cannotTrain: info.error, studyOnly: !sameInput };
  if (!sameInput) {
    return {
      info,
      studyOnly: true,
      cannotTrain: message('editor:check.studyOnly', { shape: formatShape(spec.inputShape), dataset: ds.label, datasetShape: formatShape(ds.inputShape), classes: ds.numClasses }),
    };
  }
  if (info.totalParams > MAX_TRAINABLE_PARAMS) {
    return {
      info,
      studyOnly: false,
      cannotTrain: message('editor:check.tooManyParams', { total: info.totalParams, max: MAX_TRAINABLE_PARAMS }),
    };
  }
  return { info, studyOnly: false };
}
