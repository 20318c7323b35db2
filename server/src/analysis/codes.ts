/**
 * Every finding code the analysis reports, with one line saying what it means (the README's table says it at
 * length). The extension's severity setting lists the same codes with these lines as their descriptions, and the
 * CLI's SARIF output describes its rules with them: unit tests hold the three together. The CLI's `--severity`
 * refuses a code not here, as a typo would otherwise silence nothing without a word.
 */
export const FINDING_SUMMARIES: Readonly<Record<string, string>> = {
  'bfd-multi-hop-without-bfd': 'bfd_multi_hop is set while BFD is off (enable_bfd absent or false): the provider ignores it.',
  'binary-file': 'The file is binary and was not analysed.',
  'count-and-for-each': 'A block sets both count and for_each, which Terraform refuses.',
  'deprecated-argument': 'The argument is deprecated in the module\'s provider version.',
  'duplicate-argument': 'An argument is written twice in one block (or a variable assigned twice in a variable file).',
  'duplicate-block': 'A nested block that may appear once (timeouts) is written twice.',
  'duplicate-declaration': 'Two blocks of one type and name in a module, which Terraform refuses.',
  'empty-value': 'A required ID is the empty string.',
  'file-too-large': 'The file is larger than the size limit and was not analysed.',
  'gateways-not-in-subnet': 'A virtual border router\'s two gateway addresses are not in one subnet of its peering_subnet_mask.',
  'group-ip-version-mismatch': 'A BGP peer\'s ip_version differs from its BGP group\'s.',
  'invalid-duration': 'A timeouts value is not a duration such as "10m", "1h30m" or "90s".',
  'invalid-format': 'A value does not have the format the provider or API requires (a name\'s pattern).',
  'invalid-ip-address': 'A value is not a valid IPv4 or IPv6 address.',
  'invalid-length': 'A value is shorter or longer than the provider or API allows.',
  'invalid-netmask': 'peering_subnet_mask is not a netmask.',
  'invalid-reference': 'A bare word that names no value (True, IPv6), which Terraform reads as a reference and refuses.',
  'invalid-regex': 'name_regex is not a regular expression the provider (Go, RE2) can read.',
  'invalid-value': 'A value is not one of those the argument accepts.',
  'ip-version-mismatch': 'peer_ip_address is an address of the other IP version than ip_version says.',
  'ipv6-not-enabled': 'An IPv6 BGP group or peer whose virtual border router does not set enable_ipv6 = true.',
  'ipv6-without-enable-ipv6': 'A virtual border router\'s IPv6 fields are set without enable_ipv6 = true.',
  'missing-instance-key': 'A reference to a block with count or for_each names no instance, which Terraform refuses.',
  'missing-required': 'A required argument is absent or null.',
  'newer-than-provider': 'A resource or argument was added after the module\'s alicloud provider version.',
  'not-whole-number': 'A number that must be whole has a fraction.',
  'override-without-original': 'A block of an override file overrides nothing: Terraform stops with "Missing ... to override".',
  'read-only-argument': 'An attribute only the provider sets is written in configuration.',
  'redundant-ignore-changes': 'lifecycle ignore_changes names an attribute only the provider sets.',
  'removed-in-provider': 'The argument was removed in or before the module\'s provider version.',
  'repeated-argument': 'CDKTF: an argument set again where the language keeps the last value; the earlier one is ignored.',
  'reserved-value': 'A value inside the allowed range that is reserved (local_asn = 65025).',
  'syntax-error': 'The file cannot be parsed as Terraform (or JSON) reads it.',
  'too-many-peers-per-vbr': 'More than 8 BGP peers reach one virtual border router through their groups.',
  'type-mismatch': 'A literal Terraform cannot convert to the argument\'s or variable\'s type.',
  'undeclared-reference': 'A reference to a resource the module does not declare.',
  'unknown-argument': 'An argument the resource does not have.',
  'unknown-block': 'A nested block the resource does not have.',
  'unsupported-attribute': 'A reference reads an attribute its resource or data source type does not have.',
  'unsupported-encoding': 'A Terraform file saved as UTF-16, which Terraform refuses; it was not analysed.',
  'unsupported-line-break': 'A line break written as a lone carriage return, which Terraform does not read as one; the file was not analysed.',
  'value-out-of-range': 'A number outside the range the argument accepts (bfd_multi_hop 1-255, vlan_id 0-2999).',
  'wrong-reference-type': 'An ID argument refers to the id of another kind of resource.',
};

export const FINDING_CODES: ReadonlySet<string> = new Set(Object.keys(FINDING_SUMMARIES));
