import { inferShapes } from '../../model/inferShapes';
import { layerTitle } from '../../model/layerTitle';
import type { LayerType, ModelSpec } from '../../model/types';

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
