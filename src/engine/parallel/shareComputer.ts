import type { ModelSpec } from '../../model/types';
import { buildModel, type BuiltModel } from '../buildModel';
import { writeWeights } from '../modelWeights';
import type { GradientPeer, ShareRequest, ShareResult } from './gradientPeer';
import { shareResult } from './shareGradients';

/**
 * A replica of the network that computes shares of steps on the backend in
 * use: what a helper worker runs, and, in this worker, a peer for tests.
 * Its weights are whatever the last share brought.
 */
export class ShareComputer implements GradientPeer {
  private built: BuiltModel | null = null;

  async prepare(spec: ModelSpec): Promise<void> {
    this.dispose();
    this.built = buildModel(spec);
  }

  async compute({ weights, batch, imageShape }: ShareRequest): Promise<ShareResult> {
    if (!this.built) throw new Error('No network to compute with: prepare() first');
    const start = performance.now();
    writeWeights(this.built, weights);
    const result = shareResult(this.built, batch, imageShape);
    return { ...result, ms: performance.now() - start };
  }

  dispose(): void {
    this.built?.model.dispose();
    this.built = null;
  }
}
