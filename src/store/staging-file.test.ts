import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitCsvRecord } from "../events/split-csv-record.js";
import { csvField, StagingFile } from "./staging-file.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "avails-staging-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("csvField", () => {
  it("csvField(null) is an empty field", () => {
    expect(csvField(null)).toBe("");
  });

  it('csvField("") is a quoted empty string, so it is not read back as NULL', () => {
    expect(csvField("")).toBe('""');
  });

  it("csvField(text) leaves plain text unquoted", () => {
    expect(csvField("SE")).toBe("SE");
    expect(csvField(" spaced out ")).toBe(" spaced out ");
    expect(csvField("å😀")).toBe("å😀");
  });

  it("csvField(text) quotes text holding commas, quotes, newlines or carriage returns", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  });

  it("csvField(text) fields joined by commas split back into the same texts", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 6 }), (texts) => {
        expect(splitCsvRecord(texts.map(csvField).join(","))).toEqual(texts);
      }),
      { numRuns: 300 },
    );
  });
});

describe("StagingFile", () => {
  it("StagingFile writes each appended line with a newline and counts the rows", async () => {
    const path = join(dir, "rows.csv");
    const file = new StagingFile(path);
    expect(file.path).toBe(path);
    expect(file.rows).toBe(0);
    file.append("e1,SE,1");
    file.append(`e2,${csvField("a,b")},2`);
    file.append("");
    expect(file.rows).toBe(3);
    file.close();
    expect(await readFile(path, "utf8")).toBe('e1,SE,1\ne2,"a,b",2\n\n');
  });

  it("StagingFile buffers lines until flush", async () => {
    const path = join(dir, "flush.csv");
    const file = new StagingFile(path);
    file.append("one");
    expect(await readFile(path, "utf8")).toBe("");
    file.flush();
    expect(await readFile(path, "utf8")).toBe("one\n");
    file.append("two");
    file.close();
    expect(await readFile(path, "utf8")).toBe("one\ntwo\n");
    expect(file.rows).toBe(2);
  });

  it("StagingFile writes whole lines out before its buffer grows past about 1 MiB", async () => {
    const path = join(dir, "large.csv");
    const file = new StagingFile(path);
    const line = "x".repeat(1023);
    for (let i = 0; i < 1100; i++) file.append(line);
    const flushed = (await stat(path)).size;
    expect(flushed).toBeGreaterThan(0);
    expect(flushed % 1024).toBe(0);
    expect(await readFile(path, "utf8")).toBe(`${line}\n`.repeat(flushed / 1024));
    file.append("tail");
    file.close();
    expect(await readFile(path, "utf8")).toBe(`${`${line}\n`.repeat(1100)}tail\n`);
    expect(file.rows).toBe(1101);
  });

  it("StagingFile truncates an existing file", async () => {
    const path = join(dir, "reuse.csv");
    const first = new StagingFile(path);
    first.append("old,row,with,more,text");
    first.close();
    const second = new StagingFile(path);
    second.append("new");
    second.close();
    expect(await readFile(path, "utf8")).toBe("new\n");
  });

  it("StagingFile writes text in UTF-8, and a line larger than its buffer whole", async () => {
    const path = join(dir, "huge.csv");
    const file = new StagingFile(path);
    file.append("ünïcode,😀");
    const huge = "z".repeat(3 * 1024 * 1024);
    file.append(huge);
    file.append("last");
    file.close();
    expect(await readFile(path, "utf8")).toBe(`ünïcode,😀\n${huge}\nlast\n`);
    expect(file.rows).toBe(3);
  });
});
