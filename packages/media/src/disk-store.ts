import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
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
    async delete(name) {
      assertSafeName(name);
      const file = path.join(dir, name);
      await rm(file, { force: true });
      // The key's folder goes with its last picture; one still holding another stays.
      await rmdir(path.dirname(file)).catch(() => {});
    },
  };
}
