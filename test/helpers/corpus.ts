/**
 * The shared real-world corpus (read in place, never copied into the repo) and what INDEX.md says is in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Range } from 'vscode-languageserver-protocol/node';

export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

/** Every corpus file (INDEX.md aside), sorted. */
export function corpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f !== 'INDEX.md')
    .sort();
}

/** The Terraform files (.tf, .tfvars) of the corpus. */
export function corpusHclFiles(): string[] {
  return corpusFiles().filter((f) => /\.(tf|tfvars)$/.test(f));
}

export function readCorpus(name: string): string {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

export const TF_SAMPLE = 'unrecorded-source__tf-sample-vpc-bgp-peer.tf';
export const TFVARS_UPDATE = 'alibabacloud-automation__terraform-alicloud-vbr__examples__complete__tfvars__01-update.tfvars';
export const GO_EXCERPT = 'aliyun__terraform-provider-alicloud__alicloud__resource_alicloud_vpc_bgp_peer_test.go.EXCERPT.tf';

/** The range of `key` (part 'key') or of its literal value (part 'value') on the one line `key = …` of `text`. */
export function argumentRange(text: string, key: string, part: 'key' | 'value'): Range {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => {
    const m = new RegExp(`^(\\s*)${key}(\\s*=\\s*)("[^"]*"|[^\\s#]+)`).exec(l);
    return m ? [{ i, m }] : [];
  });
  if (hits.length !== 1) throw new Error(`expected one "${key} =" line, found ${hits.length}`);
  const { i, m } = hits[0];
  const keyStart = m[1].length;
  const valueStart = keyStart + key.length + m[2].length;
  return part === 'key'
    ? { start: { line: i, character: keyStart }, end: { line: i, character: keyStart + key.length } }
    : { start: { line: i, character: valueStart }, end: { line: i, character: valueStart + m[3].length } };
}

export interface ExpectedFinding {
  file: string;
  code: string;
  severity: 'error' | 'warning';
  range: Range;
  /** Why it is right (from INDEX.md). */
  why: string;
}

/**
 * The true positives INDEX.md lists, with the range each must have, plus the warnings a maintainer agrees
 * with. Ranges are computed from the corpus text, so they follow the file rather than being typed in.
 */
export function expectedFindings(): ExpectedFinding[] {
  const sample = readCorpus(TF_SAMPLE);
  const tfvars = readCorpus(TFVARS_UPDATE);
  const go = readCorpus(GO_EXCERPT);
  const goLine = go.split('\n').findIndex((l) => /=\s*%d\s*$/.test(l));
  const goChar = go.split('\n')[goLine].indexOf('%d');
  return [
    { file: TF_SAMPLE, code: 'value-out-of-range', severity: 'error', range: argumentRange(sample, 'bfd_multi_hop', 'value'), why: 'bfd_multi_hop = 0 is outside 1–255' },
    { file: TF_SAMPLE, code: 'empty-value', severity: 'error', range: argumentRange(sample, 'bgp_group_id', 'value'), why: 'bgp_group_id = "" (empty required ID)' },
    { file: TF_SAMPLE, code: 'invalid-value', severity: 'warning', range: argumentRange(sample, 'ip_version', 'value'), why: 'ip_version = "" is neither IPv4 nor IPv6' },
    { file: TF_SAMPLE, code: 'invalid-ip-address', severity: 'error', range: argumentRange(sample, 'peer_ip_address', 'value'), why: 'peer_ip_address = ""' },
    { file: TF_SAMPLE, code: 'bfd-multi-hop-without-bfd', severity: 'warning', range: argumentRange(sample, 'bfd_multi_hop', 'key'), why: 'bfd_multi_hop set while enable_bfd = false (a maintainer agrees)' },
    { file: TFVARS_UPDATE, code: 'bfd-multi-hop-without-bfd', severity: 'warning', range: argumentRange(tfvars, 'bfd_multi_hop', 'key'), why: 'bfd_multi_hop = 13 with enable_bfd = false in the .tfvars' },
    {
      file: GO_EXCERPT,
      code: 'syntax-error',
      severity: 'error',
      range: { start: { line: goLine, character: goChar }, end: { line: goLine, character: goChar + 1 } },
      why: 'the Go %d placeholder is not HCL',
    },
  ];
}
