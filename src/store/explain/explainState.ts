import type { Message } from '../../model/message';
import type { Explanation, HandKernel, MapPixel, WorkerEvent } from '../../protocol';

/** The explainer panel's tabs: the sliding kernel shares the pixel arithmetic's answer. */
export type ExplainTab = 'pixel' | 'kernel' | 'im2col' | 'handFilters' | 'dense' | 'saliency' | 'maximize';
export const EXPLAIN_TABS: readonly ExplainTab[] = ['pixel', 'kernel', 'im2col', 'handFilters', 'dense', 'saliency', 'maximize'];

/** The answer each tab shows (filter images come by their own events). */
export const TAB_ANSWER: Record<ExplainTab, Explanation['kind'] | null> = {
  pixel: 'pixel', kernel: 'pixel', im2col: 'im2col', handFilters: 'handFilters', dense: 'dense', saliency: 'saliency', maximize: null,
};

/** Whether the open tab shows an answer to an older request (a new pick is being computed). */
export function tabUpdating(s: ExplainState): boolean {
  const kind = TAB_ANSWER[s.tab];
  const answer = kind ? s.answers[kind] : undefined;
  return !!answer && answer.requestId !== s.requestId;
}

/** An answer, with the moment of training its weights come from. */
export interface ExplainAnswer<E extends Explanation = Explanation> {
  explanation: E;
  /** The request it answers: older than the current one, it is shown dimmed until the new answer comes. */
  requestId: number;
  runId: number;
  at: number;
  trained: boolean;
}

type FilterImagesEvent = Extract<WorkerEvent, { type: 'filterImages' }>;

/** What the explainer panel shows and asks for. */
export interface ExplainState {
  tab: ExplainTab;
  /** Whether the panel is on screen: hidden, it asks the worker for nothing. */
  visible: boolean;
  /** The feature-map pixel picked (null: the middle of the first conv layer's first map). */
  pixel: MapPixel | null;
  dense: { layer: number; unit: number } | null;
  /** The class saliency explains (null: the top class). */
  saliencyClass: number | null;
  /** The hand-set kernels applied (the classic ones, then any typed by the user). */
  handKernels: HandKernel[];
  /** Bumped by every change of what is asked: answers to an older request are dropped. */
  requestId: number;
  answers: { [K in Explanation['kind']]?: ExplainAnswer<Extract<Explanation, { kind: K }>> };
  /** Why a view could not be answered, per view. */
  errors: { [K in Explanation['kind'] | 'maximize']?: Message };
  maximize: {
    layer: number | null;
    requestId: number;
    /** Steps done of all, while a request runs; null otherwise. */
    progress: { step: number; steps: number } | null;
    result: FilterImagesEvent | null;
  };
}

export const INITIAL_EXPLAIN_STATE: ExplainState = {
  tab: 'pixel',
  visible: false,
  pixel: null,
  dense: null,
  saliencyClass: null,
  handKernels: [],
  requestId: 0,
  answers: {},
  errors: {},
  maximize: { layer: null, requestId: 0, progress: null, result: null },
};

/** Applies the worker's explainer answers: those of the current request (or maximisation request) only. */
export function applyExplainEvents(s: ExplainState, events: readonly WorkerEvent[]): ExplainState {
  for (const e of events) {
    if (e.type === 'explanation' && e.requestId === s.requestId) {
      const { kind } = e.explanation;
      s = { ...s, answers: { ...s.answers, [kind]: { explanation: e.explanation, requestId: e.requestId, runId: e.runId, at: e.at, trained: e.trained } }, errors: { ...s.errors, [kind]: undefined } };
    } else if (e.type === 'explainError' && (e.kind === 'maximize' ? e.requestId === s.maximize.requestId : e.requestId === s.requestId)) {
      s = { ...s, errors: { ...s.errors, [e.kind]: e.message } };
      if (e.kind === 'maximize') s = { ...s, maximize: { ...s.maximize, progress: null } };
      else s = { ...s, answers: { ...s.answers, [e.kind]: undefined } };
    } else if (e.type === 'filterImagesProgress' && e.requestId === s.maximize.requestId) {
      s = { ...s, maximize: { ...s.maximize, progress: { step: e.step, steps: e.steps } } };
    } else if (e.type === 'filterImages' && e.requestId === s.maximize.requestId) {
      // A cancelled request keeps the images it had before.
      s = { ...s, maximize: { ...s.maximize, progress: null, result: e.cancelled ? s.maximize.result : e } };
    } else if (e.type === 'workerRestarted') {
      // The new worker knows nothing of a request in progress: it is asked again for the views, not for the images.
      s = { ...s, maximize: { ...s.maximize, progress: null } };
    }
  }
  return s;
}
