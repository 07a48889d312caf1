import 'i18next';
import type { EN } from './resources';

// `t()` keys are checked against the English catalogues: a key that is not
// there is a type error, not a raw key on the page.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof EN;
  }
}
