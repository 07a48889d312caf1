import type { WorkerEvent } from './events';
import type { Explanation } from './explain';

/** The typed arrays of an event, to pass as the transfer list of postMessage. */
export function transferablesOf(event: WorkerEvent): Transferable[] {
  switch (event.type) {
    case 'batchMetrics':
      return [event.x.buffer, event.loss.buffer, event.accuracy.buffer];
    case 'testResult':
      return [event.confusion.buffer];
    case 'gallery':
      return [event.pixels.buffer];
    case 'modelFiles':
      return event.files.map((f) => f.data);
    case 'inspection':
      return [
        ...(event.probs ? [event.probs.buffer] : []),
        ...(event.activations ?? []).map((a) => a.values.buffer),
        ...(event.kernels ?? []).flatMap((k) => [k.values.buffer, k.bias.buffer]),
      ];
    case 'histograms':
      return event.layers.map((l) => l.counts.buffer);
    case 'testSample':
      return [event.pixels.buffer];
    case 'explanation':
      return explanationBuffers(event.explanation);
    case 'filterImages':
      return [event.images.buffer, event.activations.buffer];
    default:
      return [];
  }
}

function explanationBuffers(e: Explanation): ArrayBuffer[] {
  const arrays: (ArrayBufferView | null)[] = (() => {
    switch (e.kind) {
      case 'pixel': {
        const a = e.arithmetic;
        const parts = a.op === 'conv' ? [a.patch, a.padded, a.kernel, a.products, a.channelSums] : [a.patch];
        return [e.source.values, e.map.values, e.image.values, ...parts];
      }
      case 'im2col':
        return [e.patches, e.kernels, e.product, e.bias];
      case 'handFilters':
        return [e.image.values, ...e.outputs, e.trained?.kernels.values ?? null, e.trained?.maps.values ?? null];
      case 'dense':
        return [e.weights, e.contributions];
      case 'saliency':
        return [e.image.values, e.gradient, e.smoothGrad, e.occlusion];
    }
  })();
  // A buffer may appear once only in a transfer list.
  return [...new Set(arrays.filter((a): a is ArrayBufferView => a !== null).map((a) => a.buffer as ArrayBuffer))];
}
