/** User settings that shape what is reported (VS Code `alicloudBgp.*`, or LSP initializationOptions). */
import type { Severity } from '../schema/types';
import type { Diagnostic } from './diagnostic';

export interface Settings {
  /** Report findings at all. */
  enable: boolean;
  /** Per rule code: a different severity, or `off` to silence it. */
  severity: Record<string, Severity | 'off'>;
  /** Files larger than this are not analysed (one information diagnostic says so). */
  maxFileSizeMB: number;
  /** Code lenses on virtual border routers and BGP groups (`codeLens.enable`). */
  codeLens: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, severity: {}, maxFileSizeMB: 5, codeLens: true };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads settings from whatever the client sent, ignoring anything malformed. */
export function parseSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  const diagnostics = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : r) as Record<string, unknown>;
  if (typeof diagnostics.enable === 'boolean') s.enable = diagnostics.enable;
  const sev = diagnostics.severity;
  if (sev && typeof sev === 'object') {
    for (const [code, v] of Object.entries(sev as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) s.severity[code] = v as Severity | 'off';
    }
  }
  if (typeof r.maxFileSizeMB === 'number' && r.maxFileSizeMB > 0) s.maxFileSizeMB = r.maxFileSizeMB;
  const codeLens = r.codeLens as Record<string, unknown> | undefined;
  if (codeLens && typeof codeLens === 'object' && typeof codeLens.enable === 'boolean') s.codeLens = codeLens.enable;
  return s;
}

export function applySettings(diagnostics: Diagnostic[], settings: Settings): Diagnostic[] {
  if (!settings.enable) return [];
  if (Object.keys(settings.severity).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override = settings.severity[d.code];
    if (override === 'off') continue;
    out.push(override ? { ...d, severity: override } : d);
  }
  return out;
}
