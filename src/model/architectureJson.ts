import { message, type Message } from './message';
import { ARCHITECTURE_FORMAT, parseSpec } from './parseSpec';
import type { ModelSpec } from './types';

/**
 * The architecture as a file a person can read and edit: tagged with a format
 * and version so an import can tell it from any other JSON.
 */
export function architectureToJson(spec: ModelSpec): string {
  const file = { format: ARCHITECTURE_FORMAT, version: 1, inputShape: spec.inputShape, ...(spec.kerasInput ? { kerasInput: spec.kerasInput } : {}), layers: spec.layers };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads an architecture file's text, saying what is wrong when it is not one. */
export function architectureFromJson(text: string): { spec: ModelSpec } | { error: Message } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: message('editor:parse.notJson', { detail: e instanceof Error ? e.message : String(e) }) };
  }
  return parseSpec(raw);
}
