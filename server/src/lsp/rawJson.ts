/**
 * A result already written as JSON (UTF-8 bytes, in parts), for the one answer large enough for its objects to
 * matter: the outline of a large file (15,000 entries, 3.3 MB of JSON, asked for after every pause in typing). Our
 * writer (`encodeMessage` in `transport.ts`) puts the parts into the message as they are; anything else that
 * serializes the message (the library's `--node-ipc` transport, a trace of the exchange) gets the value back from
 * `toJSON`.
 */
export class RawJson {
  /**
   * `parts`: the UTF-8 bytes of the JSON text, in order. `fresh`: made for this answer rather than kept from an
   * earlier one (making them left garbage behind that is worth a collection, see `heap.ts`).
   */
  constructor(
    readonly parts: readonly Buffer[],
    readonly fresh = true,
  ) {}

  get byteLength(): number {
    let n = 0;
    for (const p of this.parts) n += p.length;
    return n;
  }

  toJSON(): unknown {
    return JSON.parse(Buffer.concat(this.parts).toString('utf8'));
  }
}
