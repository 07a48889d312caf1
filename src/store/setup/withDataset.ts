import { AUGMENT_DEFAULT, isAugmentOn } from '../../model/augmentConfig';
import { classNamesOf, type DatasetId } from '../../data/datasets';
import { DEFAULT_TRAIN_CONFIG } from '../../model/presets';
import { withOutputUnits } from '../../model/withOutputUnits';
import type { AppState } from '../appState';

/** Your own classes start with a batch this size: ten drawings a class leave few training images. */
const OWN_BATCH_SIZE = 8;
/** …and this many epochs, since each is only a few batches. */
const OWN_EPOCHS = 30;

type Switched = Pick<AppState, 'dataset' | 'spec' | 'presetId' | 'augment' | 'form'>;

/**
 * The setup on dataset `dataset`: the network's output sized for its classes;
 * switching to your own classes also turns augmentation on (a few drawings
 * need it most) and sets a small batch and more epochs, as a learner would
 * have to find out otherwise. Undo puts back the setup before.
 */
export function withDataset(s: Pick<AppState, 'dataset' | 'spec' | 'presetId' | 'augment' | 'form' | 'drawings'>, dataset: DatasetId): Switched {
  const classes = classNamesOf(dataset, s.drawings.classes.classNames).length;
  const spec = withOutputUnits(s.spec, classes);
  const out: Switched = { dataset, spec, presetId: spec === s.spec ? s.presetId : null, augment: s.augment, form: s.form };
  if (dataset === 'own') {
    out.augment = isAugmentOn(s.augment) ? s.augment : AUGMENT_DEFAULT;
    out.form = { ...s.form, batchSize: String(OWN_BATCH_SIZE), epochs: String(OWN_EPOCHS) };
  } else if (s.dataset === 'own' && s.form.batchSize === String(OWN_BATCH_SIZE) && s.form.epochs === String(OWN_EPOCHS)) {
    // Leaving your classes with their batch and epochs untouched: 30 epochs of 8 would be hours of MNIST.
    out.form = { ...s.form, batchSize: String(DEFAULT_TRAIN_CONFIG.batchSize), epochs: String(DEFAULT_TRAIN_CONFIG.epochs) };
  }
  return out;
}
