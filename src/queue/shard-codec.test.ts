import { describe, expect, it } from "vitest";
import { decodeShard, encodeShard } from "./shard-codec.js";

/** The bytes of a typed array, for bit-for-bit comparison (toEqual treats NaN and -0 loosely). */
const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe("encodeShard / decodeShard", () => {
  it("decodeShard(encodeShard(x)) gives Float64Arrays back bit for bit, NaN, -0 and infinities included", () => {
    const values = Float64Array.of(
      0.1,
      1 / 3,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      5e-324,
      1.7976931348623157e308,
    );
    const back = decodeShard(encodeShard({ values })) as { values: Float64Array };
    expect(back.values).toBeInstanceOf(Float64Array);
    expect(bytes(back.values).equals(bytes(values))).toBe(true);
  });

  it("encodeShard carries a view of part of a buffer as that part only, on a buffer of its own", () => {
    const whole = Float64Array.from({ length: 10 }, (_, i) => i + 0.5);
    const view = whole.subarray(3, 6);
    const back = decodeShard(encodeShard([view])) as Float64Array[];
    expect(Array.from(back[0])).toEqual([3.5, 4.5, 5.5]);
    expect(back[0].buffer.byteLength).toBe(24);
  });

  it("encodeShard keeps nested arrays of typed arrays, strings, other typed arrays and odd plain numbers", () => {
    const value = {
      lower: [Float64Array.of(1, 2), Float64Array.of(3)],
      index: Uint32Array.of(7, 4_000_000_000),
      errors: Float32Array.of(0.25),
      model: "auto: theta",
      warnings: ["gap"],
      share: -0,
      missing: Number.NaN,
      big: Number.NEGATIVE_INFINITY,
    };
    const back = decodeShard(encodeShard(value)) as typeof value;
    expect(back.lower.map((a) => Array.from(a))).toEqual([[1, 2], [3]]);
    expect(back.index).toBeInstanceOf(Uint32Array);
    expect(Array.from(back.index)).toEqual([7, 4_000_000_000]);
    expect(back.errors).toBeInstanceOf(Float32Array);
    expect(back.model).toBe("auto: theta");
    expect(back.warnings).toEqual(["gap"]);
    expect(Object.is(back.share, -0)).toBe(true);
    expect(back.missing).toBeNaN();
    expect(back.big).toBe(Number.NEGATIVE_INFINITY);
  });

  it("encodeShard refuses an array type it cannot restore", () => {
    expect(() => encodeShard({ big: BigInt64Array.of(1n) })).toThrow("shard: cannot carry a BigInt64Array");
  });

  it("decodeShard refuses an unknown array tag", () => {
    expect(() => decodeShard('{"~typed":"f128","b":""}')).toThrow("shard: unknown array type f128");
  });
});
