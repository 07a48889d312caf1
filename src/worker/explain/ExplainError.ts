import { MessageError, type Message } from '../../model/message';

/**
 * A view that cannot be answered as asked (a layer that is gone, a pixel
 * outside the map): said beside the view, not in the error banner, in words
 * the page chooses (`detail`).
 */
export class ExplainError extends MessageError {
  constructor(detail: Message) {
    super(detail);
    this.name = 'ExplainError';
  }
}
