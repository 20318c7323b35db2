/**
 * textDocument/completion over stdio: argument names in a peer body (required first, read-only never),
 * half-typed names, unclosed blocks, values (bools, enums, references to declared groups), resource types,
 * and keys of the nested `timeouts` block. A `|` in a fixture marks the cursor.
 *
 * Run: npm run build && npx tsx --test test/protocol/completion.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionItem, InsertTextFormat, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, at, LspClient, uri } from '../helpers/lsp';

/** Items ordered as an editor shows them before filtering: by sortText, then label. */
function ordered(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('completion', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  async function complete(fixture: string, name = 'main.tf') {
    const { text, position } = at(fixture);
    const u = uri(name);
    await lsp.open(u, text);
    return { items: await lsp.completion(u, position), text, position };
  }

  /** The text after accepting `item` (its textEdit), as the editor would insert it (snippet syntax kept). */
  function accept(text: string, item: CompletionItem): string {
    assert.ok(item.textEdit && 'range' in item.textEdit, `${item.label} has a textEdit with a range`);
    return applyEdits(text, [item.textEdit as TextEdit]);
  }

  it('offers the peer arguments in an empty body: bgp_group_id first and marked required, no read-only ones, as snippets', async () => {
    const { items, position } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  |
}
`);
    const first = ordered(items)[0];
    assert.equal(first.label, 'bgp_group_id');
    assert.match(first.detail ?? '', /required/);
    assert.equal(first.preselect, true);
    const names = labels(items);
    for (const settable of ['peer_ip_address', 'enable_bfd', 'bfd_multi_hop', 'ip_version', 'timeouts']) assert.ok(names.includes(settable), `${settable} offered`);
    for (const readOnly of ['status', 'bgp_peer_name', 'id']) assert.ok(!names.includes(readOnly), `read-only ${readOnly} not offered`);
    // Every argument and block is a snippet, inserted at the cursor.
    for (const item of items) {
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet, item.label);
      assert.deepEqual((item.textEdit as TextEdit).range, { start: position, end: position }, item.label);
    }
    const bfd = items.find((i) => i.label === 'enable_bfd')!;
    assert.equal((bfd.textEdit as TextEdit).newText, 'enable_bfd = ${1|true,false|}');
    const ipv = items.find((i) => i.label === 'ip_version')!;
    assert.equal((ipv.textEdit as TextEdit).newText, 'ip_version = "${1|IPv4,IPv6|}"');
  });

  it('leaves out arguments already written, but not the one on the cursor line', async () => {
    const { items } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  enable_bfd   = true
  bfd_mu|
}
`);
    const names = labels(items);
    assert.ok(!names.includes('bgp_group_id') && !names.includes('enable_bfd'), names.join());
    assert.ok(names.includes('bfd_multi_hop'));
  });

  it('completes a half-typed name, replacing what was typed', async () => {
    const { items, text } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  bfd_mu|
}
`);
    const item = items.find((i) => i.label === 'bfd_multi_hop');
    assert.ok(item, labels(items).join());
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } });
    const inserted = accept(text, item).split('\n')[2];
    assert.match(inserted, /^ {2}bfd_multi_hop = \$\{1(:\d+)?\}$/);
  });

  it('completes the name being typed when the cursor is in the middle of it, replacing the whole word', async () => {
    const { items } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  bfd|_mu
}
`);
    const item = items.find((i) => i.label === 'bfd_multi_hop')!;
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
  });

  it('knows which block it is in when the block is unclosed and other blocks follow', async () => {
    const { items } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = alicloud_vpc_bgp_group.g.id
  |

resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65001
}

resource "alicloud_express_connect_virtual_border_router" "v" {
  vlan_id = 10
}
`);
    const names = labels(items);
    assert.ok(names.includes('bfd_multi_hop') && names.includes('enable_bfd') && names.includes('peer_ip_address'), names.join());
    assert.ok(!names.includes('bgp_group_id'), 'already written in this block');
    for (const other of ['router_id', 'peer_asn', 'local_asn', 'vlan_id']) assert.ok(!names.includes(other), `${other} belongs to another resource`);
  });

  it('offers true and false after `enable_bfd = `', async () => {
    const { items, text } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  enable_bfd = |
}
`);
    assert.deepEqual(labels(items).sort(), ['false', 'true']);
    for (const i of items) assert.equal(i.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal(accept(text, items.find((i) => i.label === 'true')!).split('\n')[1], '  enable_bfd = true');
  });

  it('offers "IPv4" and "IPv6" after `ip_version = "`, replacing the opening quote (and a closing one the editor added)', async () => {
    const open = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  ip_version = "|
}
`);
    assert.deepEqual(labels(open.items).sort(), ['"IPv4"', '"IPv6"']);
    assert.equal(accept(open.text, open.items.find((i) => i.label === '"IPv6"')!).split('\n')[1], '  ip_version = "IPv6"');

    const closed = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  ip_version = "|"
}
`);
    assert.equal(accept(closed.text, closed.items.find((i) => i.label === '"IPv4"')!).split('\n')[1], '  ip_version = "IPv4"');
    // The default is the one preselected.
    assert.equal(closed.items.find((i) => i.preselect)?.label, '"IPv4"');
  });

  it('offers a reference to each BGP group declared in the document after `bgp_group_id = `', async () => {
    const { items, text } = await complete(`resource "alicloud_vpc_bgp_group" "primary" {
  router_id = "vbr-1"
  peer_asn  = 65001
}

resource "alicloud_vpc_bgp_group" "backup" {
  router_id = "vbr-2"
  peer_asn  = 65002
}

resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = |
}

resource "alicloud_express_connect_virtual_border_router" "v" {
  vlan_id = 10
}
`);
    assert.deepEqual(labels(items).sort(), ['alicloud_vpc_bgp_group.backup.id', 'alicloud_vpc_bgp_group.primary.id']);
    const primary = items.find((i) => i.label === 'alicloud_vpc_bgp_group.primary.id')!;
    assert.equal(accept(text, primary).split('\n')[11], '  bgp_group_id = alicloud_vpc_bgp_group.primary.id');
  });

  it('offers no group reference when the document declares no group', async () => {
    const { items } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = |
}
`);
    assert.ok(!items.some((i) => i.label.startsWith('alicloud_vpc_bgp_group.')), labels(items).join());
  });

  it('offers the resource types after `resource "` and the data sources after `data "`', async () => {
    const r = await complete(`resource "|`);
    const rl = labels(r.items);
    for (const t of ['alicloud_vpc_bgp_peer', 'alicloud_vpc_bgp_group', 'alicloud_express_connect_virtual_border_router']) assert.ok(rl.includes(t), rl.join());
    assert.ok(!rl.includes('alicloud_express_connect_physical_connections'), 'a data source is not a resource type');
    const peer = r.items.find((i) => i.label === 'alicloud_vpc_bgp_peer')!;
    assert.match(typeof peer.documentation === 'object' ? peer.documentation.value : String(peer.documentation), /1\.153\.0/);

    const typed = await complete(`resource "alicloud_vpc_b|" "p" {\n}\n`);
    const item = typed.items.find((i) => i.label === 'alicloud_vpc_bgp_peer')!;
    assert.equal(accept(typed.text, item).split('\n')[0], 'resource "alicloud_vpc_bgp_peer" "p" {');

    const d = await complete(`data "|`);
    assert.deepEqual(labels(d.items), ['alicloud_express_connect_physical_connections']);
  });

  it('offers exactly create, update and delete inside an empty `timeouts {}`', async () => {
    const { items } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  timeouts {
    |
  }
}
`);
    assert.deepEqual(labels(items).sort(), ['create', 'delete', 'update']);
  });

  it('offers the timeouts keys not yet written, and no resource arguments, inside `timeouts`', async () => {
    const { items } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"

  timeouts {
    create = "10m"
    |
  }
}
`);
    assert.deepEqual(labels(items).sort(), ['delete', 'update']);
    const update = items.find((i) => i.label === 'update')!;
    assert.equal(update.insertTextFormat, InsertTextFormat.Snippet);
    assert.match((update.textEdit as TextEdit).newText, /^update = "\$\{1:\d+m\}"$/);
  });

  it('offers duration values after `create = ` inside timeouts', async () => {
    const { items } = await complete(`resource "alicloud_vpc_bgp_peer" "p" {
  timeouts {
    create = |
  }
}
`);
    const l = labels(items);
    assert.ok(l.includes('"10m"') && l.includes('"5m"'), l.join());
    assert.equal(items.find((i) => i.preselect)?.label, '"5m"', 'the default duration is preselected');
  });

  it('offers nothing for resource types without a schema, on the header line, or outside blocks', async () => {
    assert.deepEqual((await complete(`resource "aws_instance" "x" {\n  |\n}\n`)).items, []);
    assert.deepEqual((await complete(`resource "alicloud_vpc_bgp_peer" "p" {|\n}\n`)).items, []);
    assert.deepEqual((await complete(`resource "alicloud_vpc_bgp_peer" "p" {\n}\n|\n`)).items, []);
  });

  it('offers the module\'s variables not assigned yet at the start of a line of a .tfvars file, with type and default', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-complete-tfvars-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'variables.tf'),
        'variable "hops" {\n  type    = number\n  default = 10\n}\n\nvariable "group_id" {\n  type        = string\n  description = "The BGP group."\n}\n\nvariable "enable_bfd" {\n  type = bool\n}\n\nvariable "tags" {\n  type = map(string)\n  default = {\n    a = "b"\n  }\n}\n',
      );
      fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = var.group_id\n  bfd_multi_hop = var.hops\n}\n');
      const u = pathToFileURL(path.join(dir, 'prod.tfvars')).toString();
      const completeIn = async (fixture: string) => {
        const { text, position } = at(fixture);
        await lsp.open(u, text, 'terraform-vars');
        const items = await lsp.completion(u, position);
        await lsp.close(u);
        return { items: ordered(items), text };
      };
      const { items, text } = await completeIn('enable_bfd = true\n|\n');
      assert.deepEqual(labels(items), ['group_id', 'hops', 'tags'], 'not yet assigned, those without a default first');
      assert.deepEqual(items.map((i) => i.detail), ['string (required)', 'number = 10', 'map(string) (has a default)']);
      assert.equal(accept(text, items[0]), 'enable_bfd = true\ngroup_id = "$1"\n');
      assert.equal(accept(text, items[1]), 'enable_bfd = true\nhops = ${1:10}\n');
      assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
      // Documented when the client resolves the item, not all in the list (a module may have thousands).
      assert.ok(items.every((i) => i.documentation === undefined));
      await lsp.open(u, text, 'terraform-vars');
      const resolved = (await lsp.request('completionItem/resolve', items[0])) as CompletionItem;
      await lsp.close(u);
      assert.match((resolved.documentation as { value: string }).value, /The BGP group\.[\s\S]*Passed to `bgp_group_id`/);
      assert.equal(resolved.label, 'group_id');
      // An item not ours to document, or nonsense, comes back as it went.
      assert.deepEqual(await lsp.request('completionItem/resolve', { label: 'x', data: 7 }), { label: 'x', data: 7 });
      // Half typed, a value already after it: the name alone is replaced.
      const named = await completeIn('ho|ps_x = 3\n');
      assert.deepEqual(labels(named.items), ['enable_bfd', 'group_id', 'hops', 'tags']);
      assert.equal(accept(named.text, named.items.find((i) => i.label === 'hops')!), 'hops = 3\n');
      // Not inside a value, nor after the name.
      assert.deepEqual((await completeIn('tags = {\n  |\n}\n')).items, []);
      assert.deepEqual((await completeIn('hops = |\n')).items, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a client without snippets or Markdown', () => {
  it('gets plain text: each placeholder its default, documentation and hovers as plain text', async () => {
    const lsp = await LspClient.start({ textDocument: { publishDiagnostics: { versionSupport: true } } });
    try {
      const u = uri();
      const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  \n}\n';
      await lsp.open(u, text);
      const items = await lsp.completion(u, { line: 2, character: 2 });
      const edit = (label: string) => items.find((i) => i.label === label)!;
      assert.equal((edit('peer_ip_address').textEdit as TextEdit).newText, 'peer_ip_address = "10.0.0.2"');
      assert.equal((edit('enable_bfd').textEdit as TextEdit).newText, 'enable_bfd = true');
      assert.ok(items.every((i) => i.insertTextFormat === InsertTextFormat.PlainText && !(i.textEdit as TextEdit).newText.includes('${')));
      assert.ok(items.every((i) => !i.documentation || (i.documentation as { kind: string }).kind === 'plaintext'));
      const h = await lsp.hover(u, { line: 1, character: 4 });
      assert.equal((h!.contents as { kind: string }).kind, 'plaintext');
      // Such a client inserts the text as it is: a block is written at the line's indentation, with the file's
      // indentation and line breaks, not the snippet's tabs.
      assert.equal((edit('timeouts').textEdit as TextEdit).newText, 'timeouts {\n    create = "10m"\n    update = "10m"\n    delete = "10m"\n  }');
      const tabs = uri();
      await lsp.open(tabs, 'resource "alicloud_vpc_bgp_peer" "p" {\r\n\tbgp_group_id = "bgpg-1"\r\n\t\r\n}\r\n');
      const block = (await lsp.completion(tabs, { line: 2, character: 1 })).find((i) => i.label === 'timeouts')!;
      assert.equal((block.textEdit as TextEdit).newText, 'timeouts {\r\n\t\tcreate = "10m"\r\n\t\tupdate = "10m"\r\n\t\tdelete = "10m"\r\n\t}');
    } finally {
      await lsp.stop();
    }
  });
});
