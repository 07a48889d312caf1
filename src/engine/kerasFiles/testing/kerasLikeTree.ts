import type { H5Attribute, H5Dataset, H5Group } from '../hdf5Tree';

const group = (attrs: Record<string, H5Attribute>, children: [string, H5Group | H5Dataset][]): H5Group => ({ kind: 'group', attrs, children: new Map(children) });
const weights = (values: number[], shape: number[]): H5Dataset => ({ kind: 'dataset', dtype: 'float32', shape, value: Float32Array.from(values), attrs: {} });
const count = (n: number) => Array.from({ length: n }, (_, i) => i / 8 - 1);

/**
 * What h5pyWriteKerasLike (testing/h5py.ts) writes, as a tree: the attribute
 * types Keras stores through h5py 3 (numpy S bytes, str, bytes) and float32
 * weights. Names are in byte order, the order h5py's untracked groups list.
 */
export function kerasLikeTree(): H5Group {
  return group(
    {
      backend: { type: 'string', value: 'tensorflow', charset: 'ascii' },
      f32_list: { type: 'float32', value: [0.5, 0.25] },
      f64: { type: 'float64', value: 1.5 },
      i32: { type: 'int32', value: 7 },
      i64_grid: { type: 'int64', value: [1, 2, 3, 4, 5, 6], shape: [2, 3] },
      keras_version: { type: 'fixed-string', value: '2.13.1' },
      layer_names: { type: 'fixed-string', value: ['conv2d', 'dense_1'] },
      model_config: { type: 'string', value: '{"class_name": "Sequential", "config": {"name": "séquentiel"}}', charset: 'utf-8' },
      note: { type: 'fixed-string', value: 'héllo' },
      tags: { type: 'string', value: ['a', 'bé  '], charset: 'utf-8' },
    },
    [
      ['model_weights', group({ layer_names: { type: 'fixed-string', value: ['conv2d'] } }, [
        ['conv2d', group({ weight_names: { type: 'fixed-string', value: ['conv2d/kernel:0', 'conv2d/bias:0'] } }, [
          ['conv2d', group({}, [
            ['bias:0', weights(count(4), [4])],
            ['kernel:0', weights(count(36), [3, 3, 1, 4])],
          ])],
        ])],
      ])],
      ['scalar', weights([0.75], [])],
      ['table', weights(count(6), [2, 3])],
    ],
  );
}
