/**
 * Serialises a shard's tasks or outputs to JSON text that BullMQ stores as is, exactly: a Float64Array (or
 * another typed array) becomes the base64 of its bytes, so every double, NaN and -0 included, comes back bit
 * for bit (JSON numbers would lose -0, NaN and infinities); plain numbers that JSON cannot carry are tagged
 * too. The bytes are the host's order (little-endian on every machine Node runs avails on).
 *
 * @example decodeShard(encodeShard({ values: Float64Array.of(0.1, Number.NaN) })) // { values: Float64Array [0.1, NaN] }
 */
export function encodeShard(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, _key: string, item: unknown) {
    if (ArrayBuffer.isView(item) && !(item instanceof DataView)) {
      const kind = TYPED_NAMES.get(item.constructor as TypedArrayConstructor);
      if (kind === undefined) throw new Error(`shard: cannot carry a ${item.constructor.name}`);
      return {
        [TAG]: kind,
        b: Buffer.from(item.buffer, item.byteOffset, item.byteLength).toString("base64"),
      };
    }
    if (typeof item === "number" && (!Number.isFinite(item) || Object.is(item, -0))) {
      return { [NUMBER_TAG]: Object.is(item, -0) ? "-0" : String(item) };
    }
    return item;
  });
}

/**
 * The value `encodeShard` wrote, typed arrays restored (each on a buffer of its own).
 *
 * @example decodeShard(job.returnvalue) as HierarchyTaskOutput[]
 */
export function decodeShard(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    if (typeof record[TAG] === "string" && typeof record.b === "string") {
      const type = TYPED_ARRAYS[record[TAG] as string];
      if (type === undefined) throw new Error(`shard: unknown array type ${record[TAG]}`);
      const bytes = Buffer.from(record.b, "base64");
      // A copy on a buffer of its own: aligned, and movable to a worker thread.
      const buffer = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(buffer).set(bytes);
      return new type(buffer);
    }
    if (typeof record[NUMBER_TAG] === "string") {
      return record[NUMBER_TAG] === "-0" ? -0 : Number(record[NUMBER_TAG]);
    }
    return item;
  });
}

type TypedArrayConstructor = new (buffer: ArrayBuffer) => ArrayBufferView;

const TAG = "~typed";
const NUMBER_TAG = "~number";

const TYPED_ARRAYS: Record<string, TypedArrayConstructor> = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  i8: Int8Array,
  u8: Uint8Array,
};

const TYPED_NAMES = new Map(Object.entries(TYPED_ARRAYS).map(([name, type]) => [type, name]));
