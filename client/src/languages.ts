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
 * editors open as JSON, whose variables the server judges as a `.tfvars` file's, and override files in JSON
 * (`override.tf.json`, `x_override.tf.json`), whose blocks it checks merged as a `.tf` override file's.
 */
export function documentSelector(): { scheme: string; language: string; pattern?: string }[] {
  return [
    ...[...TERRAFORM_LANGUAGES, ...CDKTF_LANGUAGES].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    { scheme: 'file', language: 'json', pattern: '**/*.tfvars.json' },
    { scheme: 'file', language: 'json', pattern: '**/{override,*_override}.tf.json' },
  ];
}
