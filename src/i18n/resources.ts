import enApp from './locales/en/app.json';
import enCommon from './locales/en/common.json';
import enData from './locales/en/data.json';
import enDrawings from './locales/en/drawings.json';
import enEditor from './locales/en/editor.json';
import enErrors from './locales/en/errors.json';
import enExplain from './locales/en/explain.json';
import enInspect from './locales/en/inspect.json';
import enOffline from './locales/en/offline.json';
import enResults from './locales/en/results.json';
import enRuns from './locales/en/runs.json';
import enSetup from './locales/en/setup.json';
import enTrain from './locales/en/train.json';
import koApp from './locales/ko/app.json';
import koCommon from './locales/ko/common.json';
import koData from './locales/ko/data.json';
import koDrawings from './locales/ko/drawings.json';
import koEditor from './locales/ko/editor.json';
import koErrors from './locales/ko/errors.json';
import koExplain from './locales/ko/explain.json';
import koInspect from './locales/ko/inspect.json';
import koOffline from './locales/ko/offline.json';
import koResults from './locales/ko/results.json';
import koRuns from './locales/ko/runs.json';
import koSetup from './locales/ko/setup.json';
import koTrain from './locales/ko/train.json';
import type { Language, Namespace } from './languages';

/**
 * The English catalogues: the reference every other language is checked
 * against (catalogues.test.ts) and the type that `t()` keys are checked
 * against (i18next.d.ts).
 */
export const EN = {
  common: enCommon,
  app: enApp,
  setup: enSetup,
  editor: enEditor,
  train: enTrain,
  inspect: enInspect,
  results: enResults,
  explain: enExplain,
  drawings: enDrawings,
  runs: enRuns,
  errors: enErrors,
  data: enData,
  offline: enOffline,
} satisfies Record<Namespace, object>;

/** Every language's catalogues, bundled: a few kilobytes of text, and there whether or not the network is. */
export const RESOURCES: Record<Language, Record<Namespace, object>> = {
  en: EN,
  ko: {
    common: koCommon,
    app: koApp,
    setup: koSetup,
    editor: koEditor,
    train: koTrain,
    inspect: koInspect,
    results: koResults,
    explain: koExplain,
    drawings: koDrawings,
    runs: koRuns,
    errors: koErrors,
    data: koData,
    offline: koOffline,
  },
};
