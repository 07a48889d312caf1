import type { InspectRequest, WorkerEvent } from '../../protocol';
import type { DatasetCache } from '../data/datasetCache';
import type { Inspection } from './inspection';

/**
 * The Inspect command: reads what the page asks the model to look at and
 * hands it to the inspection. A test image is read here, from the dataset the
 * worker holds, and its pixels go to the page once to be shown; the page
 * never sends them back.
 */
export class InputReader {
  /** Counts inspect requests, so that a test image read late never replaces a newer request. */
  private ticket = 0;

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly inspection: Inspection,
    private readonly datasets: DatasetCache,
  ) {}

  /** Settles once the request has been handed on; rejects when its test image cannot be read. */
  async request(req: InspectRequest): Promise<void> {
    const ticket = ++this.ticket;
    const { input } = req;
    if (input?.kind !== 'testImage') {
      this.inspection.request({ ...req, input: input?.pixels ?? null });
      return;
    }
    const image = await this.datasets.testImage(input.dataset, input.index);
    if (ticket !== this.ticket) return; // a newer request came while the dataset loaded
    // A copy travels (and is transferred): the inspection keeps reading `image.pixels`.
    this.post({ type: 'testSample', requestId: req.requestId, dataset: input.dataset, index: image.index, label: image.label, pixels: image.pixels.slice() });
    this.inspection.request({ ...req, input: image.pixels });
  }
}
