/**
 * The documents the extension serves: Terraform (our `terraform` language, plus HashiCorp's `terraform-vars`
 * when that extension is installed) and the CDKTF languages. One list, used by the client and the commands.
 */
export type CdktfLanguage = 'typescript' | 'python' | 'java' | 'csharp' | 'go';

export const TERRAFORM_LANGUAGES = ['terraform', 'terraform-vars'] as const;
export const CDKTF_LANGUAGES: readonly CdktfLanguage[] = ['typescript', 'python', 'java', 'csharp', 'go'];

export function isCdktfLanguage(languageId: string): languageId is CdktfLanguage {
  return (CDKTF_LANGUAGES as readonly string[]).includes(languageId);
}

/** A Terraform language (a `.tf` or `.tfvars` file), not a CDKTF one. */
export function isTerraformLanguage(languageId: string): boolean {
  return (TERRAFORM_LANGUAGES as readonly string[]).includes(languageId);
}

/** A `.tf` file (not `.tfvars`, where `import` and `resource` blocks do not belong). */
export function isTerraformConfig(languageId: string, fileName: string): boolean {
  return languageId === 'terraform' && !/\.tfvars$/i.test(fileName);
}

/**
 * The document selector: every scheme an editor may show (files, unsaved files); and `.tfvars.json` files, which
 * editors open as JSON, whose variables the server judges as a `.tfvars` file's, and module files in JSON
 * (`main.tf.json`, `override.tf.json`), whose blocks it checks as a `.tf` file's (those `cdktf synth` writes to
 * `cdktf.out/` the server leaves alone: their program is checked).
 */
export function documentSelector(): { scheme: string; language: string; pattern?: string }[] {
  return [
    ...[...TERRAFORM_LANGUAGES, ...CDKTF_LANGUAGES].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    { scheme: 'file', language: 'json', pattern: '**/*.tfvars.json' },
    { scheme: 'file', language: 'json', pattern: '**/*.tf.json' },
  ];
}
