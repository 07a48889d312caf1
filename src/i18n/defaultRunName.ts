import type { RunNameParts } from '../store/pageWords';
import { i18n } from './i18n';

/** "MNIST, 5 epochs, adam 0.001" / "MNIST, 에포크 5, adam 0.001": a new saved run's name, in the page's language. */
export function defaultRunName({ dataset, classNames, epochs, optimizer, learningRate }: RunNameParts, t = i18n.t): string {
  const data =
    dataset === 'own'
      ? classNames && classNames.length > 0
        ? t('runs:defaultName.own', { classes: classNames.join('/') })
        : t('runs:defaultName.ownNone')
      : dataset === 'mnist'
        ? 'MNIST'
        : 'Fashion-MNIST';
  return t('runs:defaultName.run', { data, count: epochs, optimizer, rate: learningRate });
}
