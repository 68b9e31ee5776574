import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { readCsvRecords } from "./read-csv-records.js";

const folder = useTempFolder("avails-read-csv-records-");

async function all(path: string) {
  const out = [];
  for await (const records of readCsvRecords(path, 2)) out.push(...records);
  return out;
}

describe("readCsvRecords(path)", () => {
  it("joins a quoted field across lines, skips blank lines, and numbers records by their first line", async () => {
    const path = await folder.write("multi.csv", 'a,b\n\n1,"x\ny"\n2,z\n');
    expect(await all(path)).toEqual([
      { line: 1, text: "a,b", fields: ["a", "b"] },
      { line: 3, text: '1,"x\ny"', fields: ["1", "x\ny"] },
      { line: 5, text: "2,z", fields: ["2", "z"] },
    ]);
  });

  it("gives null fields for a quote never closed before the end of the file", async () => {
    const path = await folder.write("open.csv", 'a,b\n1,"never\nclosed\n');
    expect(await all(path)).toEqual([
      { line: 1, text: "a,b", fields: ["a", "b"] },
      { line: 2, text: '1,"never\nclosed', fields: null },
    ]);
  });
});
