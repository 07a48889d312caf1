import { describe, expect, it } from 'vitest';
import { classNamesOf, datasetShape, hasTestSet, imagesFor } from './datasets';

describe('imagesFor', () => {
  it('takes every image for "all" and at most the available ones otherwise', () => {
    expect(imagesFor('all', 60_000)).toBe(60_000);
    expect(imagesFor(5000, 60_000)).toBe(5000);
    expect(imagesFor(5000, 400)).toBe(400);
  });
});

describe('datasetShape', () => {
  it("gives the images' shape and the class count", () => {
    expect(datasetShape('fashion-mnist')).toEqual({ label: { key: 'data:fashionMnist.label' }, inputShape: [28, 28, 1], numClasses: 10 });
  });
});

describe('own classes', () => {
  it("take the user's class names and have no test set", () => {
    expect(datasetShape('own', ['cat', 'dog', 'fish']).numClasses).toBe(3);
    expect(classNamesOf('own', ['cat', 'dog'])).toEqual(['cat', 'dog']);
    expect(classNamesOf('mnist', ['cat'])).toHaveLength(10);
    expect(hasTestSet('own')).toBe(false);
    expect(hasTestSet('mnist')).toBe(true);
  });
});
