/** A classic 3×3 image filter the reader can try before looking at learned ones. */
export interface HandFilter {
  id: string;
  name: string;
  /** 9 weights, row-major 3×3, applied as cross-correlation (as conv layers do). */
  kernel: readonly number[];
  /** What it responds to, in one plain sentence. */
  note: string;
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
    kernel: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
    note: 'Responds to vertical edges, where brightness changes from left to right.',
  },
  {
    id: 'sobel-horizontal',
    name: 'Sobel: horizontal edges',
    kernel: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
    note: 'Responds to horizontal edges, where brightness changes from top to bottom.',
  },
  {
    id: 'laplacian',
    name: 'Laplacian',
    kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0],
    note: 'Responds to spots and thin lines in every direction and is zero on flat areas.',
  },
  {
    id: 'blur',
    name: 'Blur',
    kernel: [NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH, NINTH],
    note: 'Averages each pixel with its eight neighbours, smoothing away fine detail.',
  },
  {
    id: 'sharpen',
    name: 'Sharpen',
    kernel: [0, -1, 0, -1, 5, -1, 0, -1, 0],
    note: 'Keeps the image and adds its Laplacian back, making edges stand out.',
  },
];
