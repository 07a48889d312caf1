import { memo, useEffect, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { inkToRgba } from './inkToRgba';
import './results.css';

/** Side of every gallery image, in data pixels. */
const SIDE = 28;

/** One image of an {@link ImageGallery}. */
export interface GalleryImage {
  /** Stable across renders (e.g. the test-set index): keeps each canvas, and is what `selectedKey` names. */
  key: string;
  /** 28×28 values in [0, 1], row-major; 0 = background. */
  pixels: Float32Array;
  /** The short line under the image (see `galleryCaption`); also its accessible name. */
  caption: string;
  /** Tooltip; defaults to the caption. */
  title?: string;
  /** A wrong prediction: the caption is red. */
  wrong?: boolean;
}

/** Props of {@link ImageGallery}. */
export interface ImageGalleryProps {
  testId: string;
  items: readonly GalleryImage[];
  /** Makes each image a button that reports its index in `items`. */
  onSelect?: (i: number) => void;
  /** The item shown as chosen (outlined, `aria-pressed`). */
  selectedKey?: string;
  /** Shown instead of the grid when `items` is empty (default "No images."). */
  emptyText?: string;
}

/**
 * A wrapping grid of small images, each a 28×28 canvas drawn through
 * `ImageData` and magnified by CSS (`image-rendering: pixelated`), with a
 * caption under it. With `onSelect` each image is a `<button>`. Only an image
 * whose `pixels` change is redrawn, so a hundred images cost a hundred tiny
 * draws once, and nothing when the selection moves.
 */
export function ImageGallery({ testId, items, onSelect, selectedKey, emptyText }: ImageGalleryProps): JSX.Element {
  const { t } = useTranslation('results');
  if (items.length === 0) {
    return <p className="ig-empty" data-testid={testId}>{emptyText ?? t('gallery.noImages')}</p>;
  }
  return (
    <ul className="ig-grid" data-testid={testId}>
      {items.map((item, i) => (
        <li key={item.key}>
          <Tile item={item} index={i} selected={item.key === selectedKey} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

interface TileProps {
  item: GalleryImage;
  index: number;
  selected: boolean;
  onSelect?: (i: number) => void;
}

const Tile = memo(function Tile({ item, index, selected, onSelect }: TileProps) {
  const { pixels, caption, title, wrong } = item;
  const classes = ['ig-tile', wrong ? 'ig-wrong' : '', selected ? 'ig-selected' : ''].filter(Boolean).join(' ');
  const body = (
    <>
      <InkCanvas pixels={pixels} />
      <span className="ig-caption">{caption}</span>
    </>
  );
  return onSelect ? (
    <button type="button" className={classes} aria-label={caption} title={title ?? caption} aria-pressed={selected} onClick={() => onSelect(index)}>
      {body}
    </button>
  ) : (
    <figure className={classes} role="img" aria-label={caption} title={title ?? caption}>
      {body}
    </figure>
  );
});

function InkCanvas({ pixels }: { pixels: Float32Array }) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(SIDE, SIDE);
    inkToRgba(pixels, img.data);
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return <canvas ref={ref} className="ig-canvas" width={SIDE} height={SIDE} aria-hidden="true" />;
}
