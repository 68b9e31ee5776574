import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { describeEts } from "./ets-form.js";
import { fitEts } from "./fit-ets.js";
import type { RFixture } from "./fixtures/r-fixture.js";
import { candidateForms, selectEts } from "./select-ets.js";

const fixture: RFixture = JSON.parse(readFileSync(new URL("./fixtures/r-ets.json", import.meta.url), "utf8"));
const everything = {
  errors: ["A", "M"],
  trends: ["N", "A"],
  damping: [true, false],
  seasons: ["N", "A", "M"],
} as const;
const names = (forms: ReturnType<typeof candidateForms>) => forms.map(describeEts);

describe("candidateForms(space, period, positive)", () => {
  test("searches R's 15 forms for positive seasonal data, in R's order", () => {
    expect(names(candidateForms(everything, 12, true))).toEqual([
      "ETS(A,N,N)",
      "ETS(A,N,A)",
      "ETS(A,Ad,N)",
      "ETS(A,A,N)",
      "ETS(A,Ad,A)",
      "ETS(A,A,A)",
      "ETS(M,N,N)",
      "ETS(M,N,A)",
      "ETS(M,N,M)",
      "ETS(M,Ad,N)",
      "ETS(M,A,N)",
      "ETS(M,Ad,A)",
      "ETS(M,A,A)",
      "ETS(M,Ad,M)",
      "ETS(M,A,M)",
    ]);
  });

  test("keeps multiplicative components away from data with a value <= 0, and seasons away from period 1", () => {
    expect(names(candidateForms(everything, 12, false))).toEqual([
      "ETS(A,N,N)",
      "ETS(A,N,A)",
      "ETS(A,Ad,N)",
      "ETS(A,A,N)",
      "ETS(A,Ad,A)",
      "ETS(A,A,A)",
    ]);
    expect(names(candidateForms(everything, 1, true))).toEqual([
      "ETS(A,N,N)",
      "ETS(A,Ad,N)",
      "ETS(A,A,N)",
      "ETS(M,N,N)",
      "ETS(M,Ad,N)",
      "ETS(M,A,N)",
    ]);
  });

  test("with multiplicative trends allowed, still leaves out R's unstable combinations", () => {
    const forms = names(candidateForms({ ...everything, trends: ["N", "A", "M"] }, 4, true));
    expect(forms).toContain("ETS(M,Md,M)");
    expect(forms).toContain("ETS(M,M,N)");
    expect(forms).not.toContain("ETS(M,M,A)");
    expect(forms.filter((f) => f.startsWith("ETS(A,M"))).toEqual([]);
    expect(forms).not.toContain("ETS(A,N,M)");
  });

  test("a single requested form is kept even where the search would leave it out", () => {
    const single = { errors: ["A"], trends: ["N"], damping: [false], seasons: ["M"] } as const;
    expect(names(candidateForms(single, 4, true))).toEqual(["ETS(A,N,M)"]);
  });
});

describe("selectEts(y, forms)", () => {
  test("returns the candidate with the smallest AICc", () => {
    const c = fixture.cases.find((x) => x.id === "ldeaths");
    if (c === undefined) throw new Error("ldeaths is missing from the fixture");
    const y = Float64Array.from(c.train);
    const forms = candidateForms(
      { errors: ["A", "M"], trends: ["N"], damping: [false], seasons: ["N", "A", "M"] },
      12,
      true,
    );
    const chosen = selectEts(y, forms);
    const each = forms.map((form) => fitEts(y, form)?.aicc ?? Number.POSITIVE_INFINITY);
    expect(chosen?.aicc).toBeLessThanOrEqual(Math.min(...each) + 0.5);
    expect(describeEts(chosen?.form ?? forms[0])).toBe(describeEts(forms[each.indexOf(Math.min(...each))]));
  });

  test("racing the candidates chooses what fitting every one in full would choose", () => {
    for (const id of ["AirPassengers", "USAccDeaths", "woolyrnq"]) {
      const c = fixture.cases.find((x) => x.id === id);
      if (c === undefined) throw new Error(`${id} is missing from the fixture`);
      const y = Float64Array.from(c.train);
      const forms = candidateForms(everything, c.period, true);
      const full = forms.map((form) => fitEts(y, form)?.aicc ?? Number.POSITIVE_INFINITY);
      const best = Math.min(...full);
      const raced = selectEts(y, forms);
      expect(raced?.aicc, id).toBeLessThanOrEqual(best + 0.5);
      expect(describeEts(raced?.form ?? forms[0]), id).toBe(describeEts(forms[full.indexOf(best)]));
    }
  });

  test("returns null when no candidate can be fitted", () => {
    const y = Float64Array.of(1, 2, 3, 4, 5);
    expect(
      selectEts(
        y,
        candidateForms({ errors: ["A"], trends: ["A"], damping: [true], seasons: ["A"] }, 4, true),
      ),
    ).toBeNull();
  });
});
