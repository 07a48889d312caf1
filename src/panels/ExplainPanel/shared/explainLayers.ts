import { inferShapes } from '../../../model/inferShapes';
import { layerTitle } from '../../../model/layerTitle';
import type { LayerType, ModelSpec } from '../../../model/types';
import type { MapPixel } from '../../../protocol';

/** A layer the explainer can point at: its index, its name and its output shape. */
export interface ExplainLayer {
  index: number;
  title: string;
  shape: readonly number[];
}

/** The spec's layers of the given types whose output shape is known, named "3 · Conv2D 64 3×3". */
export function explainLayers(spec: ModelSpec, types: readonly LayerType[]): ExplainLayer[] {
  const info = inferShapes(spec).layers;
  return spec.layers.flatMap((l, index) => {
    const shape = info[index]?.outputShape;
    return types.includes(l.type) && shape ? [{ index, title: `${index + 1} · ${layerTitle(l)}`, shape }] : [];
  });
}

/**
 * The pixel moved onto layer `to`'s maps (`from`: the shape of the map it is
 * on): the same place in the image as far as the new map's size allows, the
 * same channel if the layer has it.
 */
export function pixelOnLayer(pixel: MapPixel, from: readonly number[], to: ExplainLayer): MapPixel {
  const [h, w] = from;
  const [nh, nw, nc] = to.shape;
  const place = (v: number, n: number, nn: number) => Math.max(0, Math.min(Math.round(((v + 0.5) / n) * nn - 0.5), nn - 1));
  return { layer: to.index, channel: Math.min(pixel.channel, nc - 1), y: place(pixel.y, h, nh), x: place(pixel.x, w, nw) };
}
