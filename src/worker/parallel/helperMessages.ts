import type { ShareRequest, ShareResult } from '../../engine/parallel/gradientPeer';
import type { ModelSpec } from '../../model/types';

/** From the training worker to a helper. */
export type HelperCommand =
  | { type: 'prepare'; id: number; spec: ModelSpec }
  | ({ type: 'share'; id: number } & ShareRequest)
  /** Fault injection: the helper closes itself at once and answers nothing more. */
  | { type: 'crash'; id: number };

/** From a helper back: one answer per command, by its id. */
export type HelperReply =
  | { type: 'prepared'; id: number }
  | ({ type: 'shared'; id: number } & ShareResult)
  | { type: 'failed'; id: number; message: string };
