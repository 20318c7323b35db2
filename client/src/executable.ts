/**
 * Which `terraform` to run: the `alicloudBgp.terraform.path` setting, else the first `terraform` on PATH.
 * Node only (no `vscode`), unit-tested. The result is an absolute path handed to the terminal as its
 * process, so nothing here is ever parsed by a shell.
 */
import * as fs from 'fs';
import * as path from 'path';

export type Resolved = { ok: true; path: string } | { ok: false; message: string };

export interface ResolveEnv {
  PATH?: string;
  PATHEXT?: string;
  platform?: NodeJS.Platform;
  /** Where a relative setting such as `bin/terraform` is looked up (the workspace folder). */
  base?: string;
  isExecutable?: (file: string) => boolean;
}

function executable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves the configured terraform (empty: `terraform` on PATH) to an absolute executable path. */
export function resolveTerraform(setting: string | undefined, env: ResolveEnv = {}): Resolved {
  const isExec = env.isExecutable ?? executable;
  const platform = env.platform ?? process.platform;
  const wanted = (setting ?? '').trim();
  // Windows runs a file by its extension: a name written with one of PATHEXT's is taken as it is, any other gets
  // each of them (never none: an extensionless `terraform`, a tfenv-style script, is no program there).
  const pathext = (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean);
  const written = path.extname(wanted || 'terraform').toLowerCase();
  const exts = platform !== 'win32' ? [''] : written && pathext.some((e) => e.toLowerCase() === written) ? [''] : pathext;
  const fix = 'Install Terraform or set "alicloudBgp.terraform.path" to its executable.';

  if (wanted && (path.isAbsolute(wanted) || /[\\/]/.test(wanted))) {
    const file = path.isAbsolute(wanted) ? wanted : path.resolve(env.base ?? process.cwd(), wanted);
    for (const ext of exts) if (isExec(file + ext)) return { ok: true, path: file + ext };
    return { ok: false, message: `The terraform set in "alicloudBgp.terraform.path" (${file}) is not an executable file. ${fix}` };
  }
  const name = wanted || 'terraform';
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? process.env.PATH ?? '').split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExec(file)) return { ok: true, path: file };
    }
  }
  return { ok: false, message: `${name} was not found on PATH. ${fix}` };
}

export type TerraformPlan = { ok: true; shellPath: string; shellArgs: string[]; cwd: string } | { ok: false; message: string };

/**
 * Everything about running `terraform import` except starting it: refused in an untrusted workspace,
 * terraform resolved to an absolute path, the argument vector built from validated input.
 */
export function planTerraformImport(opts: { trusted: boolean; setting: string | undefined; moduleDir: string; workspaceDir?: string; args: string[]; env?: ResolveEnv }): TerraformPlan {
  if (!opts.trusted) {
    return { ok: false, message: 'Running terraform needs a trusted workspace (Workspaces: Manage Workspace Trust). Add an import block instead: it runs with your next `terraform plan`.' };
  }
  const terraform = resolveTerraform(opts.setting, { base: opts.workspaceDir, ...opts.env });
  if (!terraform.ok) return terraform;
  return { ok: true, shellPath: terraform.path, shellArgs: opts.args, cwd: opts.moduleDir };
}
