import { defineConfig } from 'tsup';

/**
 * One self-contained, minified script (`dist/widget.js`) that defines `<parley-chat>`;
 * the SDK is bundled from its source (tsconfig paths), so the widget always matches it.
 */
export default defineConfig({
  entry: { widget: 'src/index.ts' },
  format: ['iife'],
  platform: 'browser',
  target: 'es2020',
  minify: true,
  // No source map: the server would publish it next to the script, with the widget's source.
  sourcemap: false,
  clean: true,
  noExternal: [/.*/],
  outExtension: () => ({ js: '.js' }),
});
