/** CLI output formats: text for people, JSON per DESIGN.md, SARIF 2.1.0 for code-scanning uploads. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FINDING_SUMMARIES } from '../analysis/codes';
import type { Diagnostic } from '../engine/diagnostic';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} [${d.code}] ${d.message}`);
    }
  }
  const files = results.length;
  lines.push(`${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  const out = results.flatMap((r) =>
    r.diagnostics.map((d) => ({ file: r.file, range: d.range, severity: d.severity, code: d.code, message: d.message })),
  );
  return JSON.stringify(out, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(results: FileResult[], version: string): string {
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'alicloud-bgp-check',
            version,
            informationUri: 'https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/vpc_bgp_peer',
            // A code-scanning upload shows a rule's descriptions beside each alert of it.
            rules: codes.map((id) => {
              const text = FINDING_SUMMARIES[id] ?? id.replace(/-/g, ' ');
              return { id, shortDescription: { text }, fullDescription: { text }, help: { text } };
            }),
          },
        },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: codes.indexOf(d.code),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: sarifUri(r.file) },
                  // SARIF counts lines and columns from 1; columns in UTF-16 units like LSP.
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * SARIF wants a URI reference (RFC 3986), not a path: a relative path (as the files were named on the command
 * line) becomes a relative reference with each segment percent-encoded (`w 1/a%25.tf` -> `w%201/a%2525.tf`),
 * an absolute one a `file:` URI.
 */
function sarifUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
