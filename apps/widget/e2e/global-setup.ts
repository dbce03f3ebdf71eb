import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isCI = process.env.CI === 'true' || process.env.CI === '1';

/** Builds dist/widget.js fresh, so the server serves exactly this code; needs Chromium under CI. */
export default function setup(): void {
  if (isCI && !existsSync('/usr/bin/chromium'))
    throw new Error('Chromium is missing at /usr/bin/chromium: apt-get install -y chromium');
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsup/dist/cli-default.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(path.join(root, 'dist/widget.js')))
    throw new Error('tsup wrote no dist/widget.js');
}
