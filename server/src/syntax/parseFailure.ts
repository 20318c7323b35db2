/**
 * What a file says when its parser failed (a bug, not the file's fault): the file is kept, its text current,
 * unanalysed, with this as its one finding. Shared by the HCL document and the CDKTF adapter.
 */
export function parseFailureMessage(cause: unknown): string {
  const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return `Internal error: this file could not be parsed (${why.slice(0, 200)}), so it is not checked. Please report it; the next edit tries again.`;
}
