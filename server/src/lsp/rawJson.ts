/**
 * A result already written as JSON (UTF-8 bytes), for the one answer large enough for its objects to matter: the
 * outline of a large file (15,000 entries, 3.3 MB of JSON, asked for after every pause in typing). Our writer
 * (`encodeMessage` in `transport.ts`) puts the bytes into the message as they are; anything else that serializes the
 * message (the library's `--node-ipc` transport, a trace of the exchange) gets the value back from `toJSON`.
 */
export class RawJson {
  /** `bytes`: the UTF-8 bytes of the JSON text. */
  constructor(readonly bytes: Buffer) {}

  toJSON(): unknown {
    return JSON.parse(this.bytes.toString('utf8'));
  }
}
