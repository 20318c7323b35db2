// Deterministic benchmark workloads (seeded PRNG: the same seed always gives byte-identical files).
//
//   hclModule(lines, seed)   a Terraform module of exactly `lines` lines mixing BGP peers, BGP groups, VBRs, the
//                            physical-connections data source, other resources, variables, outputs, locals with
//                            `for` expressions, heredocs, `dynamic` blocks, comments and non-ASCII text. About 1 %
//                            of the BGP resources carry a deliberate mistake, so the file has real findings.
//   cdktfTypeScript(n, seed) / cdktfPython(n, seed)   a CDKTF stack with `n` constructs (peers, groups, VBRs).
//   cliFolder(dir, files, seed)   a tree of small modules (20 `.tf` files per folder) for the CLI.
//
// Every generated block records where its peer blocks are (`peers`), so the harness can type inside them.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: small, fast, good enough for workload shapes. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1', 'eu-central-1'];
const SITES = ['上海数据中心', 'Zürich DC', 'Hangzhou IDC', 'São Paulo edge', 'Frankfurt-2', 'Singapore core'];
const ENVS = ['prod', 'staging', 'dev', 'dr'];

/**
 * A Terraform module of exactly `lines` lines (the last line ends with a newline).
 * Returns { text, peers } where each peer is { line, end (exclusive), editLine, keyCol, valueCol }: 0-based, and
 * the edit line is the `bfd_multi_hop` argument (keyCol: end of its name, valueCol: end of its value).
 */
export function hclModule(lines, seed = 1, { prefix = '', header: withHeader = true } = {}) {
  const r = prng(seed);
  const out = [];
  const peers = [];
  const groups = [];
  const vbrs = [];
  let n = 0;
  const emit = (...ls) => {
    for (const l of ls) out.push(l);
  };
  const header = [
    '# Generated benchmark module: BGP peers, groups and virtual border routers (deterministic, seed ' + seed + ').',
    '',
    'terraform {',
    '  required_providers {',
    '    alicloud = {',
    '      source  = "aliyun/alicloud"',
    '      version = ">= 1.263.0"',
    '    }',
    '  }',
    '}',
    '',
    'variable "environment" {',
    '  type    = string',
    '  default = "prod"',
    '}',
    '',
    'data "alicloud_express_connect_physical_connections" "pc" {',
    '  name_regex = "^dx-"',
    '  status     = "Enabled"',
    '}',
    '',
    'locals {',
    '  pc_id = data.alicloud_express_connect_physical_connections.pc.connections.0.id',
    '}',
    '',
  ];
  if (withHeader) emit(...header);

  const vbr = () => {
    const i = n++;
    const name = `${prefix}vbr${i}`;
    vbrs.push(name);
    const vlan = r.int(1, 2999);
    const a = r.int(0, 250);
    const mistake = r.chance(0.01);
    emit(
      `# Virtual border router ${i} (${r.pick(SITES)})`,
      `resource "alicloud_express_connect_virtual_border_router" "${name}" {`,
      `  physical_connection_id = local.pc_id`,
      `  vlan_id                = ${mistake ? 3000 + vlan : vlan}`,
      `  local_gateway_ip       = "10.${a}.${i % 250}.1"`,
      `  peer_gateway_ip        = "10.${a}.${i % 250}.2"`,
      `  peering_subnet_mask    = "255.255.255.252"`,
      ``,
      `  min_rx_interval   = ${r.pick([200, 300, 500, 1000])}`,
      `  min_tx_interval   = ${r.pick([200, 300, 500, 1000])}`,
      `  detect_multiplier = ${r.int(3, 10)}`,
      `  enable_ipv6       = ${r.chance(0.3)}`,
      `  description       = <<-EOT`,
      `    Line ${i} to ${r.pick(SITES)}.`,
      `  EOT`,
      ``,
      `  tags = {`,
      `    Env  = var.environment`,
      `    Site = "${r.pick(SITES)}"`,
      `  }`,
      `}`,
      ``,
    );
  };

  const group = () => {
    const i = n++;
    const name = `${prefix}g${i}`;
    groups.push(name);
    const v = vbrs.length ? vbrs[vbrs.length - 1] : null;
    const mistake = r.chance(0.01);
    emit(
      `resource "alicloud_vpc_bgp_group" "${name}" {`,
      `  router_id      = ${v ? `alicloud_express_connect_virtual_border_router.${v}.id` : '"vbr-bp1example0001"'}`,
      `  peer_asn       = ${r.int(64512, 65534)}`,
      `  local_asn      = ${mistake ? 65025 : r.int(64512, 65000)}`,
      `  bgp_group_name = "group-${i}"`,
      `  description    = "BGP group ${i} for ${r.pick(SITES)}"`,
      `  is_fake_asn    = false`,
      `  timeouts {`,
      `    create = "10m"`,
      `    delete = "10m"`,
      `  }`,
      `}`,
      ``,
    );
  };

  const peer = (siteGroups) => {
    const i = n++;
    const g = siteGroups.length ? r.pick(siteGroups) : null;
    const mistake = r.chance(0.01); // BFD hop count without BFD: a cross-field warning
    const start = out.length;
    emit(
      `resource "alicloud_vpc_bgp_peer" "${prefix}p${i}" {`,
      `  bgp_group_id    = ${g ? `alicloud_vpc_bgp_group.${g}.id` : '"bgpg-2zev8h2uxpbnexample01"'}`,
      `  peer_ip_address = "10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}"`,
      `  enable_bfd      = ${mistake ? 'false' : 'true'}`,
    );
    const multiHopLine = out.length;
    const hop = r.int(1, 25);
    emit(
      `  bfd_multi_hop   = ${hop}`,
      `  ip_version      = "IPv4"`,
      ``,
      `  timeouts {`,
      `    create = "5m"`,
      `  }`,
      `}`,
      ``,
    );
    peers.push({ line: start, end: out.length, editLine: multiHopLine, keyCol: '  bfd_multi_hop'.length, valueCol: `  bfd_multi_hop   = ${hop}`.length });
  };

  const locals = () => {
    const i = n++;
    emit(
      `locals {`,
      `  ${prefix}peers_${i} = {`,
      `    for k, v in var.peer_map_${i % 7} : k => {`,
      `      ip     = v.ip`,
      `      hops   = v.bfd ? v.hops : null`,
      `      labels = [for t in v.tags : upper(t) if t != ""]`,
      `    }`,
      `  }`,
      `  ${prefix}names_${i} = join(",", [for p in alicloud_vpc_bgp_peer.${prefix}p${Math.max(0, i - 3)}[*] : p.id])`,
      `  ${prefix}note_${i}  = "${r.pick(SITES)}: ${'${'}var.environment}-${i}"`,
      `}`,
      ``,
    );
  };

  const other = () => {
    const i = n++;
    const kind = r.int(0, 2);
    if (kind === 0) {
      emit(
        `resource "alicloud_security_group" "${prefix}sg${i}" {`,
        `  security_group_name = "sg-${i}"`,
        `  vpc_id              = alicloud_vpc.${prefix}v${i}.id`,
        `  dynamic "ingress" {`,
        `    for_each = var.rules`,
        `    content {`,
        `      port_range = ingress.value.ports`,
        `      cidr_ip    = ingress.value.cidr`,
        `    }`,
        `  }`,
        `}`,
        ``,
      );
    } else if (kind === 1) {
      emit(
        `resource "alicloud_instance" "${prefix}vm${i}" {`,
        `  instance_type = "ecs.g7.large"`,
        `  image_id      = "ubuntu_22_04_x64"`,
        `  count         = var.environment == "prod" ? 2 : 1`,
        `  user_data     = <<EOF`,
        `#!/bin/sh`,
        `echo "node ${i} in ${'${'}var.environment}" > /etc/motd`,
        `EOF`,
        `}`,
        ``,
      );
    } else {
      emit(
        `resource "alicloud_vpc" "${prefix}v${i}" {`,
        `  vpc_name   = "vpc-${i}"`,
        `  cidr_block = cidrsubnet("10.0.0.0/8", 8, ${i % 256})`,
        `}`,
        ``,
        `output "${prefix}vpc_${i}" {`,
        `  value = alicloud_vpc.${prefix}v${i}.id`,
        `}`,
        ``,
      );
    }
  };

  // A site: one VBR, one or two BGP groups on it, 2–8 peers in those groups (a VBR takes at most 8 peers;
  // 1 % of the sites get 9, a real "too many peers" finding).
  const site = () => {
    vbr();
    const first = groups.length;
    for (let k = r.int(1, 2); k > 0; k--) group();
    const siteGroups = groups.slice(first);
    for (let k = r.chance(0.01) ? 9 : r.int(2, 8); k > 0; k--) peer(siteGroups);
  };

  // Weighted mix of sites, other resources and locals.
  const kinds = [
    [site, 20],
    [other, 22],
    [locals, 8],
  ];
  const total = kinds.reduce((s, k) => s + k[1], 0);
  site();
  const blockEnds = [out.length];
  while (out.length < lines) {
    let x = r.next() * total;
    for (const [f, w] of kinds) {
      x -= w;
      if (x < 0) {
        f();
        break;
      }
    }
    blockEnds.push(out.length);
  }
  // Trim back to the last whole block that fits, then pad with comment lines to exactly `lines`.
  if (out.length > lines) {
    const cut = blockEnds.filter((e) => e <= lines).pop() ?? 0;
    out.length = cut;
    while (peers.length && peers[peers.length - 1].end > cut) peers.pop();
  }
  while (out.length < lines) out.push(`# padding ${out.length}`);
  return { text: out.join('\n') + '\n', peers };
}

/**
 * The construct sequence shared by the CDKTF stacks: sites of one VBR, one BGP group on it and 2–8 peers in
 * that group (peers and groups reference their parent construct's `.id`), until `count` constructs.
 */
function cdktfPlan(count, r) {
  const plan = [];
  let vbr = -1;
  let group = -1;
  while (plan.length < count) {
    vbr = plan.length;
    plan.push({ kind: 'vbr', i: vbr });
    if (plan.length >= count) break;
    group = plan.length;
    plan.push({ kind: 'group', i: group, vbr });
    for (let k = r.int(2, 8); k > 0 && plan.length < count; k--) plan.push({ kind: 'peer', i: plan.length, group });
  }
  return plan;
}

/** A CDKTF TypeScript stack with `count` constructs. */
export function cdktfTypeScript(count, seed = 2) {
  const r = prng(seed);
  const out = [
    `// Generated CDKTF benchmark stack (deterministic, seed ${seed}).`,
    `import { Construct } from "constructs";`,
    `import { App, TerraformStack, Token } from "cdktf";`,
    `import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";`,
    `import { VpcBgpGroup } from "./.gen/providers/alicloud/vpc-bgp-group";`,
    `import { ExpressConnectVirtualBorderRouter } from "./.gen/providers/alicloud/express-connect-virtual-border-router";`,
    ``,
    `class BgpStack extends TerraformStack {`,
    `  constructor(scope: Construct, id: string) {`,
    `    super(scope, id);`,
  ];
  const peers = [];
  for (const c of cdktfPlan(count, r)) {
    const i = c.i;
    if (c.kind === 'vbr') {
      out.push(
        ``,
        `    // Site ${i}: ${r.pick(SITES)}`,
        `    const vbr${i} = new ExpressConnectVirtualBorderRouter(this, "vbr${i}", {`,
        `      physicalConnectionId: "pc-bp1example0001",`,
        `      vlanId: ${r.int(1, 2999)},`,
        `      localGatewayIp: "10.0.${i % 250}.1",`,
        `      peerGatewayIp: "10.0.${i % 250}.2",`,
        `      peeringSubnetMask: "255.255.255.252",`,
        `    });`,
      );
    } else if (c.kind === 'group') {
      out.push(
        `    const g${i} = new VpcBgpGroup(this, "g${i}", {`,
        `      routerId: vbr${c.vbr}.id,`,
        `      peerAsn: ${r.int(64512, 65534)},`,
        `      bgpGroupName: "group-${i}",`,
        `    });`,
      );
    } else {
      const start = out.length;
      const hop = `      bfdMultiHop: ${r.chance(0.01) ? 'Token.asNumber("300")' : r.int(1, 25)}`;
      out.push(
        `    new VpcBgpPeer(this, "p${i}", {`,
        `      bgpGroupId: g${c.group}.id,`,
        `      peerIpAddress: "10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}",`,
        `      enableBfd: true,`,
        hop + ',',
        `      ipVersion: "IPv4",`,
        `    });`,
      );
      peers.push({ line: start, end: out.length, editLine: start + 4, keyCol: '      bfdMultiHop'.length, valueCol: hop.length });
    }
  }
  out.push(`  }`, `}`, ``, `const app = new App();`, `new BgpStack(app, "bgp");`, `app.synth();`);
  return { text: out.join('\n') + '\n', peers };
}

/** A CDKTF Python stack with `count` constructs (the same plan as the TypeScript one). */
export function cdktfPython(count, seed = 3) {
  const r = prng(seed);
  const out = [
    `# Generated CDKTF benchmark stack (deterministic, seed ${seed}).`,
    `from constructs import Construct`,
    `from cdktf import App, TerraformStack, Token`,
    `from imports.alicloud.vpc_bgp_peer import VpcBgpPeer`,
    `from imports.alicloud.vpc_bgp_group import VpcBgpGroup`,
    `from imports.alicloud.express_connect_virtual_border_router import ExpressConnectVirtualBorderRouter`,
    ``,
    ``,
    `class BgpStack(TerraformStack):`,
    `    def __init__(self, scope: Construct, id: str):`,
    `        super().__init__(scope, id)`,
  ];
  const peers = [];
  for (const c of cdktfPlan(count, r)) {
    const i = c.i;
    if (c.kind === 'vbr') {
      out.push(
        ``,
        `        # Site ${i}: ${r.pick(SITES)}`,
        `        vbr${i} = ExpressConnectVirtualBorderRouter(self, "vbr${i}",`,
        `            physical_connection_id="pc-bp1example0001",`,
        `            vlan_id=${r.int(1, 2999)},`,
        `            local_gateway_ip="10.0.${i % 250}.1",`,
        `            peer_gateway_ip="10.0.${i % 250}.2",`,
        `            peering_subnet_mask="255.255.255.252",`,
        `        )`,
      );
    } else if (c.kind === 'group') {
      out.push(
        `        g${i} = VpcBgpGroup(self, "g${i}",`,
        `            router_id=vbr${c.vbr}.id,`,
        `            peer_asn=${r.int(64512, 65534)},`,
        `            bgp_group_name="group-${i}",`,
        `        )`,
      );
    } else {
      const start = out.length;
      const hop = `            bfd_multi_hop=${r.chance(0.01) ? 'Token.as_number("300")' : r.int(1, 25)}`;
      out.push(
        `        VpcBgpPeer(self, "p${i}",`,
        `            bgp_group_id=g${c.group}.id,`,
        `            peer_ip_address="10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}",`,
        `            enable_bfd=True,`,
        hop + ',',
        `            ip_version="IPv4",`,
        `        )`,
      );
      peers.push({ line: start, end: out.length, editLine: start + 4, keyCol: '            bfd_multi_hop'.length, valueCol: hop.length });
    }
  }
  out.push(``, ``, `app = App()`, `BgpStack(app, "bgp")`, `app.synth()`);
  return { text: out.join('\n') + '\n', peers };
}

/**
 * Writes `files` `.tf` files under `dir` (20 per module folder, 40–400 lines each). Returns their paths and
 * total size in bytes. The folder is rebuilt from scratch so stale files never count.
 */
export function cliFolder(dir, files, seed = 4) {
  const r = prng(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  const paths = [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const mod = path.join(dir, `module${String(Math.floor(i / 20)).padStart(3, '0')}`);
    if (i % 20 === 0) fs.mkdirSync(mod, { recursive: true });
    const p = path.join(mod, `file${String(i % 20).padStart(2, '0')}.tf`);
    // Unique names across the folder's files (a module cannot declare a name twice); the first file of each
    // folder holds the shared declarations (provider requirements, variables, the data source, locals).
    const { text } = hclModule(r.int(40, 400), seed * 100003 + i, { prefix: `f${i % 20}_`, header: i % 20 === 0 });
    fs.writeFileSync(p, text);
    paths.push(p);
    bytes += Buffer.byteLength(text);
  }
  return { paths, bytes };
}

/** Writes `text` to `file` only when it differs (keeps mtimes stable across runs). */
export function writeIfChanged(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.writeFileSync(file, text);
}
