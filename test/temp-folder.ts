import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * A temporary folder for one test file: created before its tests, removed after them. `write` puts a file in
 * it and returns the file's path.
 */
export function useTempFolder(prefix: string): {
  readonly dir: string;
  write(name: string, content: string | Buffer): Promise<string>;
} {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
  };
}
