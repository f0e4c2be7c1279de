/**
 * Test fixture (Node only, excluded from the core build): the real demo sources
 * from resources/demo, loaded as the server loads them. Core code itself never
 * reads files; its tests do, through this one place.
 */
// eslint-disable-next-line no-restricted-imports -- test fixture: reads resources/demo
import { readFileSync } from 'node:fs';
import type { DemoSources } from './index';
import { DEMO_SOURCE_FILES, demoSourcesSchema } from './index';

const load = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../resources/demo/${name}`, import.meta.url), 'utf8'));

export const demoSources: DemoSources = demoSourcesSchema.parse({
  bitext: load(DEMO_SOURCE_FILES.bitext),
  abcd: load(DEMO_SOURCE_FILES.abcd),
});
