/**
 * The connection to the editor. vscode-languageserver picks the transport from the command line; for the
 * stream transports (`--stdio`, `--socket=N`, `--pipe=NAME`) this module gives it our own message reader
 * (`messageReader.ts`: a large document is held twice while it arrives, not four times) and writer.
 *
 * vscode-jsonrpc's stream writer sends a message as two writes, the header and then (a `setImmediate`, a
 * promise and a write callback later) the body. Each write wakes the client, which finds half a message in
 * the first: on two shared cores the woken client often took the server's core between the two writes, and
 * that gap was the slowest part of the slowest keystrokes (p99 ≈ 4 ms of a 0.3 ms keystroke). On a socket
 * the split is worse: Nagle's algorithm holds the body until the header is acknowledged, tens of ms. Here a
 * message is encoded and written at once, header and body in one buffer, one system call (a result kept as
 * bytes, the outline's, goes as the parts around it and itself in one `writev`, not copied).
 */
import * as net from 'net';
import { format } from 'util';
import { AbstractMessageWriter, Connection, createConnection, Message, MessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { largeBodyRead, largeTextHandled } from './heap';
import { StreamMessageReader } from './messageReader';
import { RawJson } from './rawJson';

const CRLF = '\r\n';

/** Writes each message whole, in one `write` (or one corked `writev`) of header and body, in the order `write` is called. */
export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (e: Error) => this.fireError(e));
    stream.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let parts: Buffer[];
    try {
      parts = encodeMessage(msg);
    } catch (e) {
      this.fireError(e as Error, msg, ++this.errorCount);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      const done = (e?: Error | null) => {
        if (!e) return resolve();
        this.fireError(e, msg, ++this.errorCount);
        reject(e);
      };
      if (parts.length === 1) {
        this.stream.write(parts[0], done);
        return;
      }
      // Parts of one message (a result sent as the bytes it is kept in): one `writev`, not a copy into one buffer.
      const stream = this.stream as NodeJS.WritableStream & { cork(): void; uncork(): void };
      stream.cork();
      parts.forEach((part, i) => (i === parts.length - 1 ? stream.write(part, done) : stream.write(part)));
      stream.uncork();
    });
  }

  end(): void {
    this.stream.end();
  }
}

/**
 * `Content-Length: N\r\n\r\n` and the JSON body (UTF-8): one buffer, or for a result given as bytes (`RawJson`)
 * the header and the text before it, the result's own buffers, and the closing brace: the outline's 3.3 MB are
 * not copied.
 */
export function encodeMessage(msg: Message): Buffer[] {
  const raw = rawResult(msg);
  if (raw) {
    const size = raw.result.byteLength;
    // Making the bytes left a string per entry behind, much of it promoted; bytes kept from before left nothing.
    if (raw.result.fresh) largeTextHandled(size);
    const length = Buffer.byteLength(raw.head, 'utf8') + size + 1;
    return [Buffer.from(`Content-Length: ${length}${CRLF}${CRLF}${raw.head}`, 'utf8'), ...raw.result.parts, CLOSE];
  }
  const json = JSON.stringify(msg);
  const length = Buffer.byteLength(json, 'utf8');
  const header = `Content-Length: ${length}${CRLF}${CRLF}`;
  const out = Buffer.allocUnsafe(header.length + length);
  out.write(header, 0, 'latin1');
  out.write(json, header.length, 'utf8');
  // A large body (the outline of a 100,000-line file is 3.3 MB) is a string only a full collection frees.
  largeTextHandled(json.length);
  return [out];
}

const CLOSE = Buffer.from('}');

/** A response whose result is `RawJson`: the text before the result, and the result (see `rawJson.ts`). */
function rawResult(msg: Message): { head: string; result: RawJson } | undefined {
  const r = msg as { id?: unknown; result?: unknown; error?: unknown };
  if (!(r.result instanceof RawJson) || r.error !== undefined) return undefined;
  return { head: `{"jsonrpc":"2.0","id":${JSON.stringify(r.id ?? null)},"result":`, result: r.result };
}

type Transport = { kind: 'stdio' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string } | { kind: 'library' };

/** The transport vscode-languageserver would choose from these arguments (the first transport argument wins). */
export function transportOf(argv: readonly string[]): Transport {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--node-ipc') return { kind: 'library' };
    if (arg === '--stdio') return { kind: 'stdio' };
    const [name, value = argv[i + 1]] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--socket') {
      const port = parseInt(value ?? '', 10);
      return port ? { kind: 'socket', port } : { kind: 'library' };
    }
    if (name === '--pipe') return value ? { kind: 'pipe', name: value } : { kind: 'library' };
  }
  return { kind: 'library' };
}

/** The server's connection, from the command line (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`). */
export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): Connection {
  const t = transportOf(argv);
  if (t.kind === 'stdio') {
    const reader = readerExitingOnClose(process.stdin);
    const connection = createConnection(ProposedFeatures.all, reader, new OneWriteMessageWriter(process.stdout));
    routeConsole(connection);
    logErrors(reader, connection);
    return connection;
  }
  if (t.kind === 'socket' || t.kind === 'pipe') {
    const socket = t.kind === 'socket' ? net.createConnection(t.port, '127.0.0.1') : net.createConnection(t.name);
    // Whole messages go out in one write; Nagle's algorithm must not hold one back waiting for an ACK.
    if (t.kind === 'socket') socket.setNoDelay(true);
    const reader = readerExitingOnClose(socket);
    const connection = createConnection(ProposedFeatures.all, reader, new OneWriteMessageWriter(socket));
    logErrors(reader, connection);
    return connection;
  }
  // IPC sends each message whole already.
  return createConnection(ProposedFeatures.all);
}

/**
 * Our reader on `stream`, and the process ends when the editor closes the stream, as vscode-languageserver
 * does for the streams it reads itself: with code 0 after a `shutdown` request, 1 without one.
 */
function readerExitingOnClose(stream: NodeJS.ReadableStream): StreamMessageReader {
  const reader = new StreamMessageReader(stream, largeBodyRead);
  let shutdown = false;
  reader.onMessage((m) => {
    if ((m as { method?: unknown }).method === 'shutdown') shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  stream.on('end', exit);
  stream.on('close', exit);
  return reader;
}

/** What the reader skipped and why (a bad header, an undecodable body), in the editor's log. */
function logErrors(reader: StreamMessageReader, connection: Connection): void {
  reader.onError((e) => connection.console.error(`reading messages: ${e.message}`));
}

/**
 * With `--stdio`, stdout is the protocol: console output goes to the editor's log instead (the library does
 * this itself only when it opens stdio on its own).
 */
function routeConsole(connection: Connection): void {
  const text = (args: unknown[]) => format(...args);
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => connection.console.log(`Trace: ${text(args)}\n${new Error().stack?.replace(/(.+\n){2}/, '') ?? ''}`);
  console.dir = (arg: unknown) => connection.console.log(format('%O', arg));
}
