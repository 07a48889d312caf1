import { MessageError, type Message } from '../model/message';

/** Why uploaded model files cannot be read, as a message for the error banner (code 'model-file'). */
export class ModelFileError extends MessageError {
  constructor(detail: Message, options?: { cause?: unknown }) {
    super(detail, 'model-file');
    this.name = 'ModelFileError';
    if (options && 'cause' in options) this.cause = options.cause;
  }
}
