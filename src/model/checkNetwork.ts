import { formatShape } from './formatShape';
import { inferShapes, type ModelInfo } from './inferShapes';
import type { ModelSpec } from './types';

/** What a network must fit to train on a dataset. */
export interface DatasetShape {
  label: string;
  /** Height, width, channels of its images. */
  inputShape: readonly [number, number, number];
  numClasses: number;
}

/** Shapes and parameters of a network, and whether it can train on a dataset. */
export interface NetworkCheck {
  info: ModelInfo;
  /** Why Train is disabled, in one sentence; undefined when it can train. */
  cannotTrain?: string;
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
      cannotTrain: `This network takes ${formatShape(spec.inputShape)} images and ${ds.label} are ${formatShape(ds.inputShape)}: it is here to study, not to train. Set the input to ${formatShape(ds.inputShape)} (and the output to ${ds.numClasses} units) to train it.`,
    };
  }
  if (info.totalParams > MAX_TRAINABLE_PARAMS) {
    return {
      info,
      studyOnly: false,
      cannotTrain: `${info.totalParams.toLocaleString('en-US')} parameters are too many to train in a browser tab (at most ${MAX_TRAINABLE_PARAMS.toLocaleString('en-US')}): shrink the widest Dense or Conv2D layer.`,
    };
  }
  return { info, studyOnly: false };
}
