import type { SliceCreator, ViewSlice } from '../appState';
import { DEFAULT_VIEW } from './views';

/** Which view of the workspace is on screen. The address follows it (address/addressBar.ts), and Back goes to the one before. */
export const createViewSlice: SliceCreator<ViewSlice> = () => (set) => ({
  view: DEFAULT_VIEW,

  showView(view) {
    set({ view });
  },
});
