import { fitWithin } from '../../input/fitWithin';
import type { GrayImage } from '../../input/grayImage';
import { imageToInk } from '../../input/imageToInk';
import { message, MessageError } from '../../model/message';

/** Longest side an upload is decoded at: plenty for a 28×28 result, cheap for a 10,000-pixel photo. */
export const MAX_UPLOAD_SIDE = 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Decodes an uploaded photo or scan into ink (light background inverted).
 * The browser reads only the header for the size, then decodes straight to
 * the reduced size, so a huge image never sits in memory at full resolution.
 * @throws MessageError with a message for the user (worded by the page) when the file is not a readable image
 */
export async function readImageFile(file: File): Promise<GrayImage> {
  if (file.type && !TYPES.includes(file.type)) {
    throw new MessageError(message('inspect:upload.notImage', { name: file.name, type: file.type }));
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    try {
      await img.decode();
    } catch {
      throw new MessageError(message('inspect:upload.unreadable', { name: file.name }));
    }
    const size = fitWithin(img.naturalWidth, img.naturalHeight, MAX_UPLOAD_SIDE);
    const bitmap = await createImageBitmap(img, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' });
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new MessageError(message('inspect:upload.noCanvas'));
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return imageToInk(ctx.getImageData(0, 0, size.width, size.height).data, size.width, size.height);
  } finally {
    URL.revokeObjectURL(url);
  }
}
