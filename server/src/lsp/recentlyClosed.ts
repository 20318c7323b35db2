/**
 * The last large file closed that the module index does not keep (a CDKTF program; the module index keeps every
 * `.tf` file parsed, as its disk copy), for a while after it was closed. An editor closes and opens a document
 * again for many reasons (a tab closed by mistake and reopened, a preview tab replaced and brought back, a reload
 * of the document), and a 5,000-construct CDKTF stack opened again was parsed again: about 250 ms, and a peak
 * 40 MB higher while the old parse was being collected. Opened again with the same text, it is taken back.
 */
import type { SourceFile } from '../engine/sourceFile';
import { largeTextHandled } from './heap';

/** How long a closed file is kept: long enough for a file reopened at once, short enough to give memory back. */
export const KEEP_CLOSED_MS = 30_000;

export class RecentlyClosed {
  private kept: { uri: string; file: SourceFile; timer: NodeJS.Timeout } | undefined;

  constructor(private readonly keepMs = KEEP_CLOSED_MS) {}

  /** Keeps `file`, closed as `uri`, in place of the one kept before (which is let go). */
  keep(uri: string, file: SourceFile): void {
    this.drop();
    const timer = setTimeout(() => this.drop(), this.keepMs);
    timer.unref();
    this.kept = { uri, file, timer };
  }

  /** The file kept for `uri`, no longer kept (the caller opens it again, or makes a new one from another text). */
  take(uri: string): SourceFile | undefined {
    const k = this.kept;
    if (!k || k.uri !== uri) return undefined;
    clearTimeout(k.timer);
    this.kept = undefined;
    return k.file;
  }

  /** Lets the kept file go, and has its memory collected. */
  drop(): void {
    const k = this.kept;
    if (!k) return;
    clearTimeout(k.timer);
    this.kept = undefined;
    largeTextHandled(k.file.textLength());
  }
}
