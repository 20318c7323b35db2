/**
 * Reads LSP messages (`Content-Length: N\r\n\r\n` and N bytes of JSON) from a stream, for the stream transports
 * (`--stdio`, `--socket`, `--pipe`).
 *
 * vscode-jsonrpc's reader keeps every chunk of a message until the last one has come, then copies them into
 * one buffer, decodes it into a string and parses that: a large `didOpen` was held four times at once. Here a
 * body larger than the chunk it starts in is copied into a buffer of its final size as its chunks come in,
 * and `decodeBody` reads it without making a string of the whole body.
 */
import { AbstractMessageReader, DataCallback, Disposable, Message, MessageReader } from 'vscode-languageserver/node';
import { decodeBody, LARGE_BODY } from './decodeBody';

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** A header section longer than this is not LSP: it is dropped with an error instead of growing forever. */
const MAX_HEADER = 16 * 1024;
/**
 * A body larger than this is skipped with an error. A document over the size setting (`maxFileSizeMB`: 20 MB in
 * VS Code, 5 MB by default elsewhere) is read and answered with one "file too large" diagnostic; a body this
 * large is not an editor's message. Its buffer is reserved when the header arrives, but the system commits its
 * pages only as the body fills them.
 */
export const MAX_BODY = 256 * 1024 * 1024;

export class StreamMessageReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  /** A header section not yet ended: its first `headerLength` bytes. */
  private readonly headerBuffer = Buffer.alloc(MAX_HEADER);
  private headerLength = 0;
  /** The body being filled, and how much of it has come. */
  private body: Buffer | undefined;
  private filled = 0;
  /** Bytes of a refused body still to be skipped. */
  private skip = 0;
  private readonly observers: ((m: Message) => void)[] = [];

  /**
   * `largeBodyRead` runs when a body of `LARGE_BODY` bytes or more has come whole, before it is decoded: the
   * stream's chunks it was copied from are garbage then, as large as the body.
   */
  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly largeBodyRead?: () => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.onData(chunk);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('end', onClose);
    this.stream.on('close', onClose);
    return Disposable.create(() => {
      this.stream.off('data', onData);
      this.stream.off('error', onError);
      this.stream.off('end', onClose);
      this.stream.off('close', onClose);
    });
  }

  /** Sees every message read, before the connection does. */
  onMessage(observer: (m: Message) => void): void {
    this.observers.push(observer);
  }

  /** Takes one chunk of the stream; delivers every message it completes, in order. */
  onData(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        continue;
      }
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, chunk.length - at);
        chunk.copy(this.body, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === this.body.length) {
          const body = this.body;
          this.body = undefined;
          this.deliver(body);
        }
        continue;
      }
      // A header section: usually whole in this chunk, else kept (in one buffer of the largest size allowed)
      // until its end comes. Only the new bytes, and the last three kept for an end cut in two, are searched.
      let header: Buffer;
      if (this.headerLength === 0) {
        const end = chunk.indexOf(HEADER_END, at);
        if (end < 0) {
          at += this.keepHeader(chunk, at);
          continue;
        }
        header = chunk.subarray(at, end);
        at = end + HEADER_END.length;
      } else {
        const before = this.headerLength;
        const took = this.keepHeader(chunk, at);
        const end = this.headerBuffer.subarray(0, this.headerLength).indexOf(HEADER_END, Math.max(0, before - 3));
        if (end < 0) {
          at += took;
          continue;
        }
        header = this.headerBuffer.subarray(0, end);
        at += end + HEADER_END.length - before;
        this.headerLength = 0;
      }
      const { length, error } = readHeader(header.toString('latin1'));
      if (error !== undefined || length === undefined) {
        this.fireError(new Error(error));
        this.skip = length ?? 0;
        continue;
      }
      if (length > MAX_BODY) {
        this.skip = length;
        this.fireError(new Error(`a message of ${length} bytes was skipped (at most ${MAX_BODY} are read)`));
        continue;
      }
      if (chunk.length - at >= length) {
        // The whole body is in this chunk: no copy.
        const body = chunk.subarray(at, at + length);
        at += length;
        this.deliver(body);
      } else {
        // Not from Node's shared pool: the buffer is freed as soon as the message has been read.
        try {
          this.body = Buffer.allocUnsafeSlow(length);
          this.filled = 0;
        } catch (e) {
          this.skip = length;
          this.fireError(new Error(`a message of ${length} bytes was skipped: ${(e as Error).message}`));
        }
      }
    }
  }

  /**
   * Keeps what `chunk` holds from `at` as the start of a header section, as much as fits; a section that
   * fills the buffer without ending is not LSP, and is dropped with an error. Returns the bytes taken.
   */
  private keepHeader(chunk: Buffer, at: number): number {
    const took = chunk.copy(this.headerBuffer, this.headerLength, at);
    this.headerLength += took;
    if (this.headerLength === MAX_HEADER && this.headerBuffer.indexOf(HEADER_END) < 0) {
      this.headerLength = 0;
      this.fireError(new Error(`a message header longer than ${MAX_HEADER} bytes was dropped`));
    }
    return took;
  }

  private deliver(body: Buffer): void {
    if (body.length >= LARGE_BODY) this.largeBodyRead?.();
    let message: unknown;
    try {
      message = decodeBody(body);
    } catch (e) {
      this.fireError(new Error(`a message of ${body.length} bytes could not be read: ${withoutText(e)}`));
      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      this.fireError(new Error('a message was not a JSON-RPC object'));
      return;
    }
    // vscode-jsonrpc logs a message that is neither request, response nor notification whole, document text
    // and its secrets included: such a message is dropped here, named by its method only.
    const { id, method } = message as { id?: unknown; method?: unknown };
    if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
      this.fireError(new Error(`a message with an id that is not a string or a number was dropped${typeof method === 'string' ? ` (${method.slice(0, 100)})` : ''}`));
      return;
    }
    // A handler that throws must not leave the reader inside a message: the bytes after it would be lost.
    try {
      for (const o of this.observers) o(message as Message);
      this.callback?.(message as Message);
    } catch (e) {
      this.fireError(new Error(`a message could not be handled: ${withoutText(e)}`));
    }
  }
}

/**
 * An error's kind and where it happened, without the text V8 quotes from the input ("…" is not valid JSON):
 * the input may be a document holding secrets, and these errors go to the editor's log.
 */
function withoutText(e: unknown): string {
  const name = e instanceof Error ? e.name : 'Error';
  const at = /position \d+/.exec(e instanceof Error ? e.message : '')?.[0];
  return at ? `${name} at ${at}` : name;
}

/**
 * The body's length from a header section, and what is wrong with the section if anything. With an error and
 * a length, the body is there and must be skipped; with an error alone, nothing says where the body ends.
 */
export function readHeader(header: string): { length?: number; error?: string } {
  let length: number | undefined;
  let error: string | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) {
      error ??= 'a message header line has no colon';
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (/^\d+$/.test(value)) length = Number(value);
      else error ??= 'Content-Length must be a number';
    } else if (name === 'content-type') {
      const charset = /charset=([^;\s]+)/i.exec(value)?.[1].toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') error ??= `only UTF-8 message bodies are read, got charset ${JSON.stringify(charset.slice(0, 20))}`;
    }
  }
  if (length === undefined) error ??= 'a message header has no Content-Length';
  return { length, error };
}
