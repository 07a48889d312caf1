/**
 * Everything derived from the store's state: validation, the network check,
 * why Train is disabled, which model the worker holds. Pure functions of the
 * state, so panels, actions and subscriptions agree.
 */
import { isAugmentOn } from '../model/augmentConfig';
import { classesBlocker, type DrawingSet } from '../drawings/drawingSet';
import { classNamesOf, DATASETS, datasetShape, imagesFor, type DatasetId } from '../data/datasets';
import { checkNetwork, type NetworkCheck } from '../model/checkNetwork';
import { estimateRunSeconds, largestSizeWithin, LONG_RUN_SECONDS, scaleRate } from '../model/estimateRunTime';
import { message, type Message } from '../model/message';
import { multiplyAdds } from '../model/multiplyAdds';
import { parseTrainForm, trainingImages, type TrainFormErrors } from '../model/parseTrainForm';
import type { ModelSpec, TrainConfig } from '../model/types';
import type { AppState } from './appState';
import type { RunState } from './run/runState';
import { stableMessage } from './stableMessage';

/** The fields of the store a setup check reads. */
export type SetupView = Pick<AppState, 'dataset' | 'trainSize' | 'form' | 'optimizer' | 'nesterov' | 'earlyStopping' | 'augment'> & OwnClassesView;

/** Of the drawings, a setup check reads only the user's classes. */
export interface OwnClassesView {
  drawings: { classes: DrawingSet };
}

/** How many images the chosen training-set size takes from the chosen dataset (your classes: every drawing). */
export function imageCount(s: Pick<AppState, 'dataset' | 'trainSize'> & OwnClassesView): number {
  if (s.dataset === 'own') return s.drawings.classes.drawings.length;
  return imagesFor(s.trainSize, DATASETS[s.dataset].trainCount);
}

/** Validation of the hyperparameter fields, for the inline messages and the Train button; the config carries the augmentation when any is on. */
export function checkSetup(s: SetupView): {
  values?: TrainConfig;
  errors: TrainFormErrors;
} {
  const r = parseTrainForm(s.form, s, imageCount(s));
  return r.values ? { ...r, values: { ...r.values, augment: isAugmentOn(s.augment) ? s.augment : null } } : r;
}

/** The class names of the model in the worker: a run on your classes keeps the names it was trained with. */
export function modelClassNames(s: Pick<AppState, 'dataset' | 'run'> & OwnClassesView): readonly string[] {
  const dataset = modelDataset(s);
  if (dataset !== 'own') return classNamesOf(dataset);
  return s.run.classNames ?? s.drawings.classes.classNames;
}

let lastCheck: { spec: ModelSpec; dataset: DatasetId; classes: number; check: NetworkCheck } | null = null;

/**
 * Shapes, parameters and trainability of the network set up, on the dataset
 * chosen (your classes: `classNames`, one output each). Several selectors ask
 * on every store update (a metrics tick too): the last answer is kept for the
 * same spec object, dataset and number of classes.
 */
export function checkSpec(spec: ModelSpec, dataset: DatasetId, classNames: readonly string[]): NetworkCheck {
  const classes = classNamesOf(dataset, classNames).length;
  if (lastCheck?.spec === spec && lastCheck.dataset === dataset && lastCheck.classes === classes) return lastCheck.check;
  const check = checkNetwork(spec, datasetShape(dataset, classNames));
  lastCheck = { spec, dataset, classes, check };
  return check;
}

/** The check of the network set up, on the dataset chosen (your classes: as many outputs as classes). */
export function setupCheck(s: Pick<AppState, 'spec' | 'dataset'> & OwnClassesView): NetworkCheck {
  return checkSpec(s.spec, s.dataset, s.drawings.classes.classNames);
}

/** Why Train is disabled (the first reason), as a message for the page to word, or null. */
export function trainBlocker(s: SetupView & Pick<AppState, 'spec'>): Message | null {
  if (s.dataset === 'own') {
    const own = classesBlocker(s.drawings.classes);
    if (own) return message('setup:blocker.ownClasses', { reason: own });
  }
  const { errors } = checkSetup(s);
  const first = Object.values(errors)[0];
  if (first) return message('setup:blocker.field', { reason: first });
  return setupCheck(s).cannotTrain ?? null;
}

/** trainBlocker for a component's subscription: the same object while it says the same. */
export const trainBlockerOf = stableMessage(trainBlocker);

const ACTIVE = new Set(['loading', 'training', 'paused']);
/** True while a run holds the network: loading, training or paused. */
export const isActive = (s: RunState) => ACTIVE.has(s.status);

/** The dataset the model in the worker knows: the last run's, else the one selected. */
export function modelDataset(s: Pick<AppState, 'dataset' | 'run'>): DatasetId {
  return s.run.dataset ?? s.dataset;
}

/** The network of the model in the worker: the last run's, else the one set up (its untrained preview). */
export function modelSpec(s: Pick<AppState, 'spec' | 'run'>): ModelSpec {
  return s.run.spec ?? s.spec;
}

/** The pixels of the current input, to show: a drawing's or upload's, or the test image's once the worker sent it. */
export function inputPixels(s: Pick<AppState, 'inspect'>): Float32Array | null {
  const { input, testSample } = s.inspect;
  if (!input) return null;
  return input.kind === 'pixels' ? input.pixels : (testSample?.pixels ?? null);
}

/** The training-set sizes the setup offers, below 'all'. */
export const TRAIN_SIZES = [1000, 5000, 10_000] as const;

export interface RunEstimate {
  backend: string;
  /** The backend's measured rate, carried over to the network set up. */
  imagesPerSec: number;
  seconds: number;
  /**
   * Over LONG_RUN_SECONDS: the largest offered smaller training set that fits
   * (else the smallest, `fits` false) and its time; null when none is smaller.
   */
  suggestion: { trainSize: number; seconds: number; fits: boolean } | null;
  /** Over LONG_RUN_SECONDS on a backend the user chose: the fastest measured one, when at least twice as fast. */
  faster: { backend: string; seconds: number } | null;
  long: boolean;
}

/**
 * How long the run set up will take on the backend in use, at its measured
 * rate scaled to this network's multiply-adds; null before a measurement, or
 * when the setup cannot train.
 */
export function runEstimate(s: SetupView & Pick<AppState, 'spec' | 'backend'>): RunEstimate | null {
  const { active, rates, measuredAt } = s.backend;
  const rate = rates.find((r) => r.name === active?.name)?.imagesPerSec;
  const { values } = checkSetup(s);
  if (!active || !rate || !measuredAt || !values || setupCheck(s).cannotTrain) return null;
  const imagesPerSec = scaleRate(rate, measuredAt.multiplyAdds, multiplyAdds(s.spec));
  const testImages = DATASETS[s.dataset].testCount;
  const images = imageCount(s);
  const trainImages = trainingImages(images, values.validationSplit);
  const plan = { trainImages, valImages: images - trainImages, epochs: values.epochs, testImages };
  const seconds = estimateRunSeconds(plan, imagesPerSec);
  const long = seconds > LONG_RUN_SECONDS;
  let suggestion: RunEstimate['suggestion'] = null;
  let faster: RunEstimate['faster'] = null;
  if (long) {
    const smaller = TRAIN_SIZES.filter((n) => n < images);
    const fitting = largestSizeWithin(smaller, { epochs: values.epochs, testImages, valShare: values.validationSplit }, imagesPerSec, LONG_RUN_SECONDS);
    const size = fitting ?? (smaller.length ? Math.min(...smaller) : null);
    if (size !== null) {
      const t = trainingImages(size, values.validationSplit);
      suggestion = { trainSize: size, seconds: estimateRunSeconds({ ...plan, trainImages: t, valImages: size - t }, imagesPerSec), fits: fitting !== null };
    }
    const best = rates.reduce<(typeof rates)[number] | null>((a, r) => ((r.imagesPerSec ?? 0) > (a?.imagesPerSec ?? 0) ? r : a), null);
    if (s.backend.choice !== 'auto' && best?.imagesPerSec && best.name !== active.name && best.imagesPerSec >= 2 * rate) {
      faster = { backend: best.name, seconds: estimateRunSeconds(plan, scaleRate(best.imagesPerSec, measuredAt.multiplyAdds, multiplyAdds(s.spec))) };
    }
  }
  return { backend: active.name, imagesPerSec, seconds, suggestion, faster, long };
}
