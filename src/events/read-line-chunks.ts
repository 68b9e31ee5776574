import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";

const EMPTY = Buffer.alloc(0);

/**
 * Streams a file (gunzipped when its name ends in .gz) as byte chunks that hold whole lines: every chunk ends
 * just after a newline, except the last when the file does not end in one. A UTF-8 byte-order mark at the start
 * of the file is dropped. The bytes form of `readTextLines`, for callers that read lines without decoding them.
 *
 * @example
 * for await (const chunk of readLineChunks("events.ndjson.gz")) console.log(chunk.length);
 */
export async function* readLineChunks(path: string): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  // pipeline() passes a failure of the file (missing, unreadable) on to the gunzip stream being read.
  const input = path.endsWith(".gz") ? pipeline(file, createGunzip(), () => undefined) : file;
  let carry = EMPTY;
  let atStart = true;
  for await (const data of input) {
    let chunk = data as Buffer;
    if (atStart) {
      // The mark is looked for once the first three bytes are in, however the stream cut them.
      if (carry.length + chunk.length < 3) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      if (carry.length > 0) {
        chunk = Buffer.concat([carry, chunk]);
        carry = EMPTY;
      }
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      atStart = false;
    }
    const lastNewline = chunk.lastIndexOf(10);
    if (lastNewline === -1) {
      carry = carry.length === 0 ? Buffer.from(chunk) : Buffer.concat([carry, chunk]);
      continue;
    }
    let first = 0;
    if (carry.length > 0) {
      // The line the last chunk began, ended: a small chunk of its own, so the rest is not copied.
      first = chunk.indexOf(10) + 1;
      yield Buffer.concat([carry, chunk.subarray(0, first)]);
    }
    if (first <= lastNewline) yield chunk.subarray(first, lastNewline + 1);
    // A copy: the stream may hand out views of memory it reuses.
    carry = lastNewline + 1 === chunk.length ? EMPTY : Buffer.from(chunk.subarray(lastNewline + 1));
  }
  if (carry.length > 0) yield carry;
}
