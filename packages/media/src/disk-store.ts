import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeName, type MediaStore } from './store';

/** Pictures as files under `dir`: the default, for a single instance. */
export function diskStore(dir: string): MediaStore {
  return {
    kind: 'disk',
    async put(name, bytes) {
      assertSafeName(name);
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside, then renamed: a reader never sees half a picture.
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    },
    async get(name) {
      assertSafeName(name);
      try {
        return await readFile(path.join(dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
