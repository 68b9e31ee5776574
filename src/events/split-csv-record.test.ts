import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitCsvRecord } from "./split-csv-record.js";

describe("splitCsvRecord", () => {
  it("splitCsvRecord(text) splits unquoted fields on commas, keeping empty fields", () => {
    expect(splitCsvRecord("a,b,c")).toEqual(["a", "b", "c"]);
    expect(splitCsvRecord("")).toEqual([""]);
    expect(splitCsvRecord("a,")).toEqual(["a", ""]);
    expect(splitCsvRecord(",")).toEqual(["", ""]);
    expect(splitCsvRecord(" a , b ")).toEqual([" a ", " b "]);
  });

  it("splitCsvRecord(text) keeps commas inside quoted fields", () => {
    expect(splitCsvRecord('e1,"SE, Stockholm",x')).toEqual(["e1", "SE, Stockholm", "x"]);
  });

  it("splitCsvRecord(text) unescapes doubled quotes inside quoted fields", () => {
    expect(splitCsvRecord('a,"b,c",""""')).toEqual(["a", "b,c", '"']);
    expect(splitCsvRecord('"say ""hi"""')).toEqual(['say "hi"']);
    expect(splitCsvRecord('""')).toEqual([""]);
    expect(splitCsvRecord('"",""')).toEqual(["", ""]);
  });

  it("splitCsvRecord(text) keeps newlines inside quoted fields", () => {
    expect(splitCsvRecord('e2,"two\nlines",x')).toEqual(["e2", "two\nlines", "x"]);
  });

  it("splitCsvRecord(text) handles a quoted field first, last and before an empty last field", () => {
    expect(splitCsvRecord('"x",y')).toEqual(["x", "y"]);
    expect(splitCsvRecord('y,"x"')).toEqual(["y", "x"]);
    expect(splitCsvRecord('"x",')).toEqual(["x", ""]);
  });

  it("splitCsvRecord(text) keeps text after a closing quote up to the comma", () => {
    expect(splitCsvRecord('"ab"c,d')).toEqual(["abc", "d"]);
  });

  it("splitCsvRecord(text) treats a quote inside an unquoted field as text", () => {
    expect(splitCsvRecord('ab"c,d')).toEqual(['ab"c', "d"]);
  });

  it("splitCsvRecord(text) returns null while a quoted field is still open", () => {
    expect(splitCsvRecord('a,"open')).toBeNull();
    expect(splitCsvRecord('a,"open, still')).toBeNull();
    expect(splitCsvRecord('"ends with an escaped quote""')).toBeNull();
    expect(splitCsvRecord('"')).toBeNull();
  });

  it("splitCsvRecord(encode(fields)) returns the fields for any fields, quoted per RFC 4180", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 8 }), (fields) => {
        const quoted = fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(",");
        expect(splitCsvRecord(quoted)).toEqual(fields);
        const minimal = fields.map((f) => (/[",\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
        expect(splitCsvRecord(minimal)).toEqual(fields);
      }),
      { numRuns: 300 },
    );
  });
});
