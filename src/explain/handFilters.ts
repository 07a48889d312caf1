import { message, type Message } from '../model/message';

/** A classic 3×3 image filter the reader can try before looking at learned ones. */
export interface HandFilter {
  id: string;
  /** What the store and the worker know it by (HandKernel.name); the page shows `title`. */
  name: string;
  /** Its name on the page (explain:handFilters.names.*). */
  title: Message;
  /** 9 weights, row-major 3×3, applied as cross-correlation (as conv layers do). */
  kernel: readonly number[];
  /** What it responds to, in one plain sentence (explain:handFilters.notes.*). */
  note: Message;
}

const NINTH = 1 / 9;

/**
 * The hand-made filters learned first layers are compared with. Written for
 * cross-correlation, so "vertical edges" is positive where the image gets
 * brighter from left to right.
 */
export const HAND_FILTERS: readonly HandFilter[] = [
  {
    id: 'sobel-vertical',
    name: 'Sobel: vertical edges',
    title: message('explain:handFilters.names.sobelVertical'),
    kernel: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
    note: message('explain:handFilters.notes.sobelVertical'),
  },
  {
    id: 'sobel-horizontal',
    name: 'Sobel: horizontal edges',
    title: message('explain:handFilters.names.sobelHorizontal'),
    kernel: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
    note: message('explain:handFilters.notes.sobelHorizontal'),
  },
  {
    id: 'laplacian',
    name: 'Laplacian',
    title: message('explain:handFilters.names.laplacian'),
    kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0],
    note: message('explain:handFilters.notes.laplacian'),
  },
  {
    id: 'blur',
    name: 'Blur',
    title: message('explain:handFilters.names.blur'),
    kernel: [NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH],
    note: message('explain:handFilters.notes.blur'),
  },
  {
    id: 'sharpen',
    name: 'Sharpen',
    title: message('explain:handFilters.names.sharpen'),
    kernel: [0, -1, 0, -1, 5, -1, 0, -1, 0],
    note: message('explain:handFilters.notes.sharpen'),
  },
];

/** The name of the kernel the reader types (HandKernel.name), one at a time. */
export const CUSTOM_KERNEL = 'Custom';

/** A hand kernel's name on the page: a classic one's or the custom one's title, else the name as it is. */
export function handKernelTitle(name: string): Message | null {
  if (name === CUSTOM_KERNEL) return message('explain:handFilters.names.custom');
  return HAND_FILTERS.find((f) => f.name === name)?.title ?? null;
}
