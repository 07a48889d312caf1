import type { DatasetId } from '../../data/datasets';
import type { ConvKernels, InspectInput, LayerActivation, WeightHistogram, WorkerEvent } from '../../protocol';

/** What the inspection panels show: the input, the model's answer, snapshots. */
export interface InspectState {
  /** What the model is looking at (pixels, or a test image the worker reads), or null. */
  input: InspectInput | null;
  /** The test image that is the input, as the worker sent it: its true label and pixels. */
  testSample: { dataset: DatasetId; index: number; label: number; pixels: Float32Array } | null;
  requestId: number;
  /** The request the snapshot shown answers (-1: none yet): the answer is the current input's when it equals `requestId`. */
  answered: number;
  probs: Float32Array | null;
  trained: boolean;
  /** Training progress (epochs) when the snapshot was taken. */
  at: number;
  activations: LayerActivation[] | null;
  kernels: ConvKernels[] | null;
  /** Weight histograms of the current run, oldest first. */
  histograms: { at: number; layers: WeightHistogram[] }[];
  /** Panels on screen: the worker skips snapshots for the others. */
  visible: { featureMaps: boolean; filters: boolean };
}

export const INITIAL_INSPECT_STATE: InspectState = {
  input: null,
  testSample: null,
  requestId: 0,
  answered: -1,
  probs: null,
  trained: false,
  at: 0,
  activations: null,
  kernels: null,
  histograms: [],
  // Nothing is on screen until the panels say so (a panel in a hidden view never does).
  visible: { featureMaps: false, filters: false },
};

/** At most this many histogram snapshots are kept per run (older ones are thinned out). */
export const MAX_HISTOGRAM_SNAPSHOTS = 200;

/**
 * Applies inspection events. Snapshots (and a test image's pixels) answer the
 * newest request or a later periodic one; an answer to an input the user has
 * since replaced is dropped.
 * Histograms of another run than `runId` are ignored.
 */
export function applyInspectEvents(s: InspectState, events: readonly WorkerEvent[], runId: number): InspectState {
  for (const e of events) {
    if (e.type === 'inspection') {
      if (e.requestId !== s.requestId) continue;
      s = {
        ...s,
        answered: e.requestId,
        probs: e.probs,
        trained: e.trained,
        at: e.at,
        activations: e.activations ?? s.activations,
        kernels: e.kernels ?? s.kernels,
      };
    } else if (e.type === 'testSample') {
      if (e.requestId !== s.requestId) continue;
      s = { ...s, testSample: { dataset: e.dataset, index: e.index, label: e.label, pixels: e.pixels } };
    } else if (e.type === 'histograms') {
      if (e.runId !== runId) continue;
      let list = [...s.histograms, { at: e.at, layers: e.layers }];
      // Keep the first, thin the rest by dropping every other one: history stays evenly spread.
      if (list.length > MAX_HISTOGRAM_SNAPSHOTS) list = list.filter((_, i) => i === 0 || i % 2 === 1 || i === list.length - 1);
      s = { ...s, histograms: list };
    }
  }
  return s;
}
