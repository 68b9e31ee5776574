import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRunFiles, writeRunFiles } from "./run-files.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "avails-run-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeRunFiles / readRunFiles", () => {
  it("readRunFiles(dir) gives back every array bit for bit, with its type, rows and the manifest", async () => {
    const means = new Float64Array([1.5, Number.NaN, -0, 1e-300]);
    // A view into a larger buffer: only its own bytes are written.
    const big = new Float32Array([9, 9, 0.25, 3, 9]);
    const paths = big.subarray(2, 4);
    const index = new Uint16Array([0, 65535, 7]);
    const target = join(dir, "a");
    const bytes = await writeRunFiles(
      target,
      { horizonStart: 123, keys: ["x"] },
      {
        means: { data: means, rows: ["s1", "s2"] },
        paths: { data: paths },
        index: { data: index },
      },
    );
    expect(bytes).toBeGreaterThan(32 + 8 + 6);
    const back = await readRunFiles(target);
    expect(back.manifest).toEqual({ horizonStart: 123, keys: ["x"] });
    expect(back.arrays.means).toBeInstanceOf(Float64Array);
    expect(Object.is(back.arrays.means[2], -0)).toBe(true);
    expect([...back.arrays.means]).toEqual([...means]);
    expect(back.arrays.paths).toEqual(new Float32Array([0.25, 3]));
    expect(back.arrays.index).toEqual(index);
    expect(back.rows).toEqual({ means: ["s1", "s2"] });
    const some = await readRunFiles(target, ["index"]);
    expect(Object.keys(some.arrays)).toEqual(["index"]);
  });

  it("readRunFiles(dir) names the file that is cut short or missing, and the array that is not there", async () => {
    const target = join(dir, "b");
    await writeRunFiles(target, null, { means: { data: new Float64Array(10) } });
    await truncate(join(target, "means.bin"), 40);
    await expect(readRunFiles(target)).rejects.toThrow(/means\.bin: 40 bytes, the manifest says 80/);
    await expect(readRunFiles(target, ["paths"])).rejects.toThrow(/no array "paths" \(has means\)/);
    await rm(join(target, "means.bin"));
    await expect(readRunFiles(target)).rejects.toThrow(/means\.bin: missing/);
    await writeFile(join(target, "manifest.json"), "{");
    await expect(readRunFiles(target)).rejects.toThrow(/cannot read manifest\.json/);
  });

  it("writeRunFiles refuses an array name that is not a plain file name", async () => {
    await expect(
      writeRunFiles(join(dir, "c"), null, { "../x": { data: new Float64Array(1) } }),
    ).rejects.toThrow('array name "../x"');
  });
});
