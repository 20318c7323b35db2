/**
 * Entry of `dist/server.js`: `--stdio` (any editor, VS Code included), `--node-ipc`, or `--socket=N` / `--pipe=NAME`.
 * `lsp/transport.ts` picks the transport from these arguments.
 */
import { tuneHeap } from './lsp/heap';
import { startServer } from './lsp/server';
import { createServerConnection } from './lsp/transport';

tuneHeap();
const connection = createServerConnection();
startServer(connection);
connection.listen();

// A broken pipe or a bug must not kill the server silently: log it and keep answering.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));
