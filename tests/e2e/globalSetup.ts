import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Builds the app once and serves the build, as a user would get it. */
export async function setup(project: TestProject) {
  // E2E_DIST: a build folder of its own, for two test runs side by side.
  const outDir = process.env.E2E_DIST;
  await build({ logLevel: 'warn', ...(outDir ? { build: { outDir } } : {}) });
  server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn', ...(outDir ? { build: { outDir } } : {}) });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
}
