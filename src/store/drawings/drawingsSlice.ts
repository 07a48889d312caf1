import { AUGMENT_DEFAULT, isAugmentOn } from '../../model/augmentConfig';
import {
  addClass, addDrawing, fineTuneBlocker, heldOutSplit, newDrawingId, packImages, removeClass, removeDrawing, renameClass,
  type DrawingSet,
} from '../../drawings/drawingSet';
import { mergeDrawings, parseDrawingsFile } from '../../drawings/drawingsFile';
import { openDrawingsStorage, type DrawingsStorage } from '../../drawings/drawingsStorage';
import { message, MessageError, type Message, type MessageValue } from '../../model/message';
import type { AppState, DrawingsSlice } from '../appState';
import { INITIAL_DRAWINGS_STATE, setOf, type DrawingsState } from './drawingsState';
import { isActive, modelDataset } from '../selectors';
import type { WorkerClient } from '../channel/workerClient';
import type { StateCreator } from 'zustand';
import { stableMessage } from '../stableMessage';
import { newClassName } from '../pageWords';

const WAIT_FOR_LOAD = message('drawings:store.waitForLoad');

/** An error's words: its message when it has one, else its text as it is. */
const whyOf = (e: unknown): Message =>
  e instanceof MessageError ? e.detail : message('drawings:store.asIs', { text: e instanceof Error ? e.message : String(e) });

/** `items` as one message: 'a; b; c'. */
const joined = (items: readonly Message[]): Message =>
  items.slice(0, -1).reduceRight<Message>((rest, first) => message('drawings:upload.join', { first, rest }), items[items.length - 1]);

/** Which drawings a fine-tuning holds out: fixed, so that before and after are measured on the same ones every time. */
export const HELD_OUT_SEED = 42;

/** Why the current model cannot be fine-tuned on the handwriting drawn, or null: the same object while it says the same (a component subscribes to it). */
export const fineTuneBlockerOf = stableMessage((s: Pick<AppState, 'drawings' | 'run' | 'dataset' | 'runs'>) => fineTuneBlocking(s));

function fineTuneBlocking(s: Pick<AppState, 'drawings' | 'run' | 'dataset' | 'runs'>): Message | null {
  const drawings = fineTuneBlocker(s.drawings.digits);
  if (drawings) return drawings;
  if (isActive(s.run)) return message('drawings:fineTune.busy');
  if (modelDataset(s) !== 'mnist' || !s.run.savedId) return message('drawings:fineTune.noModel');
  const share = Number(s.drawings.fineTuneForm.sharePercent);
  if (!(share >= 5 && share <= 95)) return message('drawings:fineTune.shareRange');
  const epochs = Number(s.drawings.fineTuneForm.epochs);
  if (!(Number.isInteger(epochs) && epochs >= 1 && epochs <= 100)) return message('drawings:fineTune.epochsRange');
  return null;
}

/**
 * The user's drawings: their handwritten digits and their own classes, kept
 * in IndexedDB after every change. A change that cannot be saved stays on
 * screen with a message saying so: nothing is dropped silently.
 */
export const createDrawingsSlice = (worker: WorkerClient, storage: DrawingsStorage = openDrawingsStorage(globalThis.indexedDB, 'convscope-drawings', newClassName)): StateCreator<AppState, [], [], DrawingsSlice> => (set, get) => {
  const patch = (p: Partial<DrawingsState>) => set((s) => ({ drawings: { ...s.drawings, ...p } }));
  const say = (kind: 'error' | 'info', text: Message) => patch({ message: { kind, text } });

  /** Shows `next` at once and saves it; a failed save says why and what to do. */
  const commit = (next: DrawingSet, info: Message | null = null) => {
    patch({ [next.kind]: next, message: info ? { kind: 'info', text: info } : null } as Partial<DrawingsState>);
    storage.save(next).catch((e) => {
      // The storage says why in its own words; anything else is an error of the browser's.
      const why = e instanceof MessageError ? e.detail : message('drawings:store.saveFailed', { why: e instanceof Error ? e.message : String(e) });
      say('error', message('drawings:store.keepInTab', { why }));
    });
  };

  /** Whether the stored drawings are in: a change before would be saved over them. */
  const ready = (): boolean => {
    if (get().drawings.loaded) return true;
    patch({ addError: WAIT_FOR_LOAD, message: { kind: 'error', text: WAIT_FOR_LOAD } });
    return false;
  };

  return {
    drawings: INITIAL_DRAWINGS_STATE,

    async loadDrawings() {
      try {
        // Nothing can change the sets before they are loaded (see `ready`), so the stored ones are the whole story.
        const { digits, classes } = await storage.load();
        patch({ digits, classes, loaded: true });
      } catch (e) {
        patch({ loaded: true, message: { kind: 'error', text: whyOf(e) } });
      }
    },

    addDrawing(kind, label) {
      if (!ready()) return;
      const s = get();
      const input = s.inspect.input;
      if (!input || input.kind !== 'pixels') {
        patch({ addError: message(input ? 'drawings:store.notDrawing' : 'drawings:store.padEmpty') });
        return;
      }
      const r = addDrawing(setOf(s.drawings, kind), label, input.pixels, newDrawingId(), Date.now());
      if ('error' in r) {
        patch({ addError: r.error });
        return;
      }
      commit(r.set);
      patch({ added: get().drawings.added + 1, addError: null });
    },

    addImages(kind, chosenLabel, className, images) {
      if (!ready()) return;
      let set = setOf(get().drawings, kind);
      // Moved (a class above removed): found by its name, unless that name is now missing or not unique.
      const found = set.classNames.indexOf(className);
      const label = set.classNames[chosenLabel] === className ? chosenLabel : found === set.classNames.lastIndexOf(className) ? found : -1;
      if (label < 0) {
        say('error', message(found < 0 ? 'drawings:upload.classGone' : 'drawings:upload.twoNamed', { name: className }));
        return;
      }
      const refused: Message[] = [];
      const now = Date.now();
      for (const img of images) {
        const r: { set: DrawingSet } | { error: MessageValue } = img.pixels
          ? addDrawing(set, label, img.pixels, newDrawingId(), now)
          : { error: img.problem ?? message('drawings:upload.unreadable') };
        if ('error' in r) refused.push(message('drawings:upload.refused', { file: img.name, why: r.error }));
        else set = r.set;
      }
      const added = images.length - refused.length;
      const name = set.classNames[label];
      const text = refused.length
        ? message('drawings:upload.addedNot', { count: added, name, refused: joined(refused) })
        : message('drawings:upload.added', { count: added, name });
      if (added > 0) commit(set, text);
      else say('error', text);
    },

    removeDrawing(kind, id) {
      if (!ready()) return;
      commit(removeDrawing(setOf(get().drawings, kind), id));
    },

    addClass() {
      if (!ready()) return;
      const r = addClass(get().drawings.classes, newClassName);
      if ('error' in r) say('error', r.error);
      else commit(r.set);
    },

    removeClass(index) {
      if (!ready()) return;
      const r = removeClass(get().drawings.classes, index);
      if ('error' in r) say('error', r.error);
      else commit(r.set);
    },

    renameClass(index, name) {
      if (!ready()) return;
      commit(renameClass(get().drawings.classes, index, name));
    },

    importDrawings(text, fileName) {
      if (!ready()) return;
      const parsed = parseDrawingsFile(text);
      if ('error' in parsed) {
        say('error', message('drawings:import.refused', { file: fileName, why: parsed.error }));
        return;
      }
      const incoming = parsed.set;
      const current = setOf(get().drawings, incoming.kind);
      // An empty set of classes takes the file's classes as they are (not after "Class 1", "Class 2").
      if (incoming.kind === 'classes' && current.drawings.length === 0) {
        commit(incoming, message('drawings:import.whole', { drawings: incoming.drawings.length, classes: incoming.classNames.length, file: fileName }));
        return;
      }
      const merged = mergeDrawings(current, incoming);
      if ('error' in merged) {
        say('error', message('drawings:import.refused', { file: fileName, why: merged.error }));
        return;
      }
      const key = incoming.kind === 'digits'
        ? (merged.skipped ? 'drawings:import.digitsSkipped' : 'drawings:import.digits')
        : (merged.skipped ? 'drawings:import.drawingsSkipped' : 'drawings:import.drawings');
      const classes = merged.newClasses ? message('drawings:import.newClasses', { count: merged.newClasses }) : '';
      commit(merged.set, message(key, { n: merged.added, classes, file: fileName, skipped: merged.skipped }));
    },

    setFineTuneField(p) {
      patch({ fineTuneForm: { ...get().drawings.fineTuneForm, ...p } });
    },

    fineTune() {
      const s = get();
      const blocker = fineTuneBlockerOf(s);
      if (blocker) {
        say('error', blocker);
        return;
      }
      const { digits, fineTuneForm } = s.drawings;
      const split = heldOutSplit(digits, HELD_OUT_SEED);
      const augment = fineTuneForm.augment ? (isAugmentOn(s.augment) ? s.augment : AUGMENT_DEFAULT) : null;
      const mix = {
        train: packImages(digits, split.train),
        heldOut: packImages(digits, split.heldOut),
        share: Number(fineTuneForm.sharePercent) / 100,
        augment,
      };
      s.continueRun(s.run.savedId!, Number(fineTuneForm.epochs), { mix });
      const runId = get().run.runId;
      if (runId === s.run.runId) return; // continueRun refused (the saved run is not listed yet)
      patch({ fineTune: { runId, heldOutIds: split.heldOut.map((i) => digits.drawings[i].id), before: null, after: null }, message: null });
    },

    requestAugmentPreview() {
      const s = get();
      const requestId = s.drawings.previewRequestId + 1;
      patch({ previewRequestId: requestId });
      const own = s.dataset === 'own' ? packImages(s.drawings.classes) : undefined;
      if (own && own.count === 0) {
        patch({ sample: null });
        return;
      }
      const seed = Number(s.form.seed) >>> 0;
      worker.send({ type: 'augmentPreview', request: { requestId, dataset: s.dataset, augment: s.augment, seed: seed + requestId, ...(own ? { own } : {}) } });
    },

    outdateAugmentPreview: () => patch({ previewRequestId: get().drawings.previewRequestId + 1 }),

    dismissDrawingsMessage: () => patch({ message: null }),
  };
};

