/** A decoded dataset part as the engine uses it: uint8 images and labels. */
export interface ImageSet {
  /** `count × rows × cols` bytes, 0 = background. */
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
  numClasses: number;
}
