// A Vite plugin: `import bytes from './kernel.wat'` gives the module's binary (a
// Uint8Array), assembled from its WebAssembly text at build time by wabt. The
// text is the source kept in the repository; no binary is committed.
import { readFile } from 'node:fs/promises';
import wabtInit from 'wabt';

/** @returns {import('vite').Plugin} */
export function watPlugin() {
  let wabt;
  return {
    name: 'convscope-wat',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith('.wat')) return null;
      wabt ??= await wabtInit();
      const text = await readFile(id, 'utf8');
      const module = wabt.parseWat(id, text, { simd: true });
      try {
        module.validate();
        const { buffer } = module.toBinary({});
        return `export default Uint8Array.from(atob(${JSON.stringify(Buffer.from(buffer).toString('base64'))}), (c) => c.charCodeAt(0));`;
      } finally {
        module.destroy();
      }
    },
  };
}
