/**
 * Quick fixes over stdio, the way an editor uses them: take a pushed diagnostic, ask for code actions on it,
 * apply the returned WorkspaceEdit to the text, send the result back as didChange, and see the finding go
 * with no new error appearing. Every kind of fix the rules offer is exercised, and the text each produces
 * is compared exactly, so indentation and `=` alignment are pinned too.
 *
 * Run: npm run build && npx tsx --test test/protocol/quickfix.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, asContentChanges, editsFor, errors, fixTitles, LspClient, rangeOf, uri } from '../helpers/lsp';

const GROUP = (name: string) => `resource "alicloud_vpc_bgp_group" "${name}" {
  router_id = "vbr-1"
  peer_asn  = 65001
}
`;

interface Fixed {
  /** The text after applying the fix. */
  text: string;
  /** Diagnostics the server published for it. */
  after: Diagnostic[];
  action: CodeAction;
  actions: CodeAction[];
}

describe('quick fixes', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  /**
   * Opens `text`, finds the one `code` diagnostic, asks for its code actions, applies the one whose title
   * matches, sends the edit as a change, and checks: the finding is gone, no new error appeared, and the
   * server's view of the edited text is the same as a fresh open of the text we computed.
   */
  async function applyFix(text: string, code: string, title: RegExp, opts: { name?: string; languageId?: string; beside?: { name: string; text: string } } = {}): Promise<Fixed> {
    /** A fresh document, with the file `opts.beside` open in its folder first. */
    const fresh = async () => {
      const at = uri(opts.name);
      if (opts.beside) await lsp.open(at.replace(/[^/]+$/, opts.beside.name), opts.beside.text);
      return at;
    };
    const u = await fresh();
    const before = await lsp.open(u, text, opts.languageId ?? 'terraform');
    const targets = before.filter((d) => d.code === code);
    assert.equal(targets.length, 1, `one ${code} in ${JSON.stringify(before)}`);
    const diagnostic = targets[0];
    const actions = await lsp.codeActions(u, diagnostic.range, [diagnostic]);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `an action matching ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(action.kind, CodeActionKind.QuickFix);
    assert.deepEqual(action.diagnostics, [diagnostic], 'the action names the diagnostic it fixes');
    const edits = editsFor(action.edit, u, 1);
    assert.ok(edits.length > 0);
    const fixed = applyEdits(text, edits);
    const after = await lsp.change(u, asContentChanges(edits), 2);

    assert.ok(!after.some((d) => d.code === code), `${code} is gone: ${JSON.stringify(after)}`);
    const key = (d: Diagnostic) => `${String(d.code)} ${d.message}`;
    const remaining = errors(before).filter((d) => d !== diagnostic).map(key);
    for (const e of errors(after)) assert.ok(remaining.includes(key(e)), `no new error after the fix, got ${key(e)}`);
    // The server's document after the change is the text we computed.
    assert.deepEqual(await lsp.open(await fresh(), fixed, opts.languageId ?? 'terraform'), after);
    return { text: fixed, after, action, actions };
  }

  describe('bfd-multi-hop-without-bfd', () => {
    it('"Set enable_bfd = true" changes an explicit false in place', async () => {
      const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = false
  bfd_multi_hop = 10
}
`;
      const r = await applyFix(text, 'bfd-multi-hop-without-bfd', /^Set enable_bfd = true$/);
      assert.equal(r.action.isPreferred, true);
      assert.equal(r.text, text.replace('enable_bfd    = false', 'enable_bfd    = true'));
      assert.deepEqual(r.after, []);
    });

    it('"Set enable_bfd = true" adds the argument after the last one, indented and aligned like its neighbours', async () => {
      const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "10.0.0.2"
  bfd_multi_hop   = 10

  timeouts {
    create = "10m"
  }
}
`;
      const r = await applyFix(text, 'bfd-multi-hop-without-bfd', /^Set enable_bfd = true$/);
      assert.equal(
        r.text,
        `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "10.0.0.2"
  bfd_multi_hop   = 10
  enable_bfd      = true

  timeouts {
    create = "10m"
  }
}
`,
      );
      assert.deepEqual(r.after, []);
    });

    it('"Set enable_bfd = true" keeps tab indentation', async () => {
      const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n\tbgp_group_id  = "bgpg-1"\n\tbfd_multi_hop = 10\n}\n';
      const r = await applyFix(text, 'bfd-multi-hop-without-bfd', /^Set enable_bfd = true$/);
      assert.equal(r.text, 'resource "alicloud_vpc_bgp_peer" "p" {\n\tbgp_group_id  = "bgpg-1"\n\tbfd_multi_hop = 10\n\tenable_bfd    = true\n}\n');
    });

    it('"Set enable_bfd = true" writes CRLF line breaks into a CRLF file', async () => {
      const text = 'resource "alicloud_vpc_bgp_peer" "p" {\r\n  bgp_group_id  = "bgpg-1"\r\n  bfd_multi_hop = 10\r\n}\r\n';
      const r = await applyFix(text, 'bfd-multi-hop-without-bfd', /^Set enable_bfd = true$/);
      assert.equal(r.text, 'resource "alicloud_vpc_bgp_peer" "p" {\r\n  bgp_group_id  = "bgpg-1"\r\n  bfd_multi_hop = 10\r\n  enable_bfd    = true\r\n}\r\n');
    });

    it('"Set enable_bfd = true" opens up a one-line block, which HCL allows one argument only', async () => {
      const text = 'resource "alicloud_vpc_bgp_peer" "p" { bfd_multi_hop = 10 }\n';
      const r = await applyFix(text, 'bfd-multi-hop-without-bfd', /^Set enable_bfd = true$/);
      assert.equal(r.text, 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 10\n  enable_bfd    = true\n}\n');
    });

    it('"Remove bfd_multi_hop" deletes the whole line, and the others align as terraform fmt aligns them', async () => {
      const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  bfd_multi_hop = 10
  enable_bfd    = false
}
`;
      const r = await applyFix(text, 'bfd-multi-hop-without-bfd', /^Remove bfd_multi_hop$/);
      assert.equal(r.text, 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = false\n}\n');
    });
  });

  it('value-out-of-range: clamps bfd_multi_hop = 300 to 255 and 0 to 1', async () => {
    const text = (v: string) => `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = ${v}
}
`;
    const high = await applyFix(text('300'), 'value-out-of-range', /^Clamp to 255$/);
    assert.equal(high.action.isPreferred, true);
    assert.equal(high.text, text('255'));
    assert.deepEqual(high.after, []);
    assert.equal((await applyFix(text('0'), 'value-out-of-range', /^Clamp to 1$/)).text, text('1'));
    // A number written as a string (valid: Terraform converts it) is clamped too.
    assert.equal((await applyFix(text('"300"'), 'value-out-of-range', /^Clamp to 255$/)).text, text('255'));
  });

  it('takes a range past the end of the line, or written end first, as the editor means it', async () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n';
    const u = uri();
    await lsp.open(u, text);
    const titles = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => fixTitles(await lsp.codeActions(u, range));
    const expected = await titles({ start: { line: 3, character: 2 }, end: { line: 3, character: 21 } });
    assert.ok(expected.includes('Clamp to 255'), expected.join());
    // The cursor past the end of the line (the specification: the line's end).
    assert.deepEqual(await titles({ start: { line: 3, character: 500 }, end: { line: 3, character: 500 } }), expected);
    // A selection made from right to left.
    assert.deepEqual(await titles({ start: { line: 3, character: 21 }, end: { line: 3, character: 2 } }), expected);
  });

  it('not-whole-number: rounds bfd_multi_hop = 2.5', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 2.5\n}\n`;
    const r = await applyFix(text, 'not-whole-number', /^Change to 3$/);
    assert.equal(r.text, text.replace('2.5', '3'));
  });

  it('read-only-argument: removes `status` with its line', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  status       = "Available"
  enable_bfd   = true
}
`;
    const r = await applyFix(text, 'read-only-argument', /^Remove status$/);
    assert.equal(r.text, text.replace('  status       = "Available"\n', ''));
    assert.deepEqual(r.after, []);
  });

  it('read-only-argument: removes only `status` when it shares a line with the block brace', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  status = "Available" }\n`;
    const r = await applyFix(text, 'read-only-argument', /^Remove status$/);
    // The brace stays (whitespace around it aside).
    assert.equal(r.text.replace(/[ \t]+/g, ' '), `resource "alicloud_vpc_bgp_peer" "p" {\n bgp_group_id = "bgpg-1"\n }\n`);
    assert.deepEqual(r.after, []);
  });

  it('duplicate-argument: removes the second occurrence', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  enable_bfd   = true
  enable_bfd   = false
}
`;
    const r = await applyFix(text, 'duplicate-argument', /^Remove this duplicate enable_bfd$/);
    assert.equal(r.text, text.replace('  enable_bfd   = false\n', ''));
    assert.deepEqual(r.after, []);
  });

  it('duplicate-block: removes a second timeouts block', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"

  timeouts {
    create = "10m"
  }
  timeouts {
    delete = "10m"
  }
}
`;
    const r = await applyFix(text, 'duplicate-block', /^Remove this timeouts block$/);
    assert.equal(r.text, text.replace('  timeouts {\n    delete = "10m"\n  }\n', ''));
    assert.deepEqual(r.after, []);
  });

  it('unknown-argument: renames bfd_multihop to bfd_multi_hop, keeping the `=` column', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "10.0.0.2"
  enable_bfd      = true
  bfd_multihop    = 10
}
`;
    const r = await applyFix(text, 'unknown-argument', /^Rename to "bfd_multi_hop"$/);
    assert.equal(
      r.text,
      `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "10.0.0.2"
  enable_bfd      = true
  bfd_multi_hop   = 10
}
`,
    );
    assert.deepEqual(r.after, []);
  });

  it('unknown-argument in timeouts: renames `creat` to `create`, keeping the `=` column', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"

  timeouts {
    creat  = "10m"
    delete = "10m"
  }
}
`;
    const r = await applyFix(text, 'unknown-argument', /^Rename to "create"$/);
    assert.equal(r.text, text.replace('creat  =', 'create ='));
    assert.deepEqual(r.after, []);
  });

  describe('missing-required bgp_group_id', () => {
    it('adds a reference to the only BGP group in the file, as the preferred fix', async () => {
      const text = `${GROUP('main')}
resource "alicloud_vpc_bgp_peer" "p" {
  peer_ip_address = "10.0.0.2"
  enable_bfd      = true
}
`;
      const r = await applyFix(text, 'missing-required', /^Add bgp_group_id = alicloud_vpc_bgp_group\.main\.id$/);
      assert.deepEqual(fixTitles(r.actions), ['Add bgp_group_id = alicloud_vpc_bgp_group.main.id']);
      assert.equal(r.action.isPreferred, true);
      assert.equal(r.text, text.replace('  enable_bfd      = true\n', '  enable_bfd      = true\n  bgp_group_id    = alicloud_vpc_bgp_group.main.id\n'));
      assert.deepEqual(r.after, []);
    });

    it('offers each group and a placeholder, none preferred, when there are several', async () => {
      const text = `${GROUP('a')}
${GROUP('b')}
resource "alicloud_vpc_bgp_peer" "p" {
  enable_bfd = true
}
`;
      const r = await applyFix(text, 'missing-required', /alicloud_vpc_bgp_group\.b\.id/);
      assert.deepEqual(fixTitles(r.actions), [
        'Add bgp_group_id = alicloud_vpc_bgp_group.a.id',
        'Add bgp_group_id = alicloud_vpc_bgp_group.b.id',
        'Add bgp_group_id = "bgpg-2zev8h2uxpbnexample01" (placeholder)',
      ]);
      assert.ok(r.actions.every((a) => !a.isPreferred));
      // terraform fmt aligns the two arguments.
      assert.equal(r.text, text.replace('  enable_bfd = true\n', '  enable_bfd   = true\n  bgp_group_id = alicloud_vpc_bgp_group.b.id\n'));
    });

    it('adds a placeholder ID when the file declares no group, opening up an empty one-line body', async () => {
      const text = `resource "alicloud_vpc_bgp_peer" "p" {}\n`;
      const r = await applyFix(text, 'missing-required', /placeholder/);
      assert.deepEqual(fixTitles(r.actions), ['Add bgp_group_id = "bgpg-2zev8h2uxpbnexample01" (placeholder)']);
      assert.equal(r.text, `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-2zev8h2uxpbnexample01"\n}\n`);
      assert.deepEqual(r.after, []);
    });

    it('adds the placeholder inside an empty multi-line body with the block indentation', async () => {
      const text = `resource "alicloud_vpc_bgp_peer" "p" {\n}\n`;
      const r = await applyFix(text, 'missing-required', /placeholder/);
      assert.equal(r.text, `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-2zev8h2uxpbnexample01"\n}\n`);
    });
  });

  it('empty-value: replaces bgp_group_id = "" with a reference to the group', async () => {
    const text = `${GROUP('g')}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = ""
}
`;
    const r = await applyFix(text, 'empty-value', /^Set bgp_group_id = alicloud_vpc_bgp_group\.g\.id$/);
    assert.equal(r.text, text.replace('""', 'alicloud_vpc_bgp_group.g.id'));
    assert.deepEqual(r.after, []);
  });

  it('ip-version-mismatch: sets ip_version to match an IPv6 peer address', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "fd00::2"
  ip_version      = "IPv4"
}
`;
    const r = await applyFix(text, 'ip-version-mismatch', /^Set ip_version = "IPv6"$/);
    assert.equal(r.text, text.replace('"IPv4"', '"IPv6"'));
    assert.deepEqual(r.after, []);
  });

  it('invalid-value: offers each accepted ip_version and writes the chosen one', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  ip_version   = "IPv5"\n}\n`;
    const r = await applyFix(text, 'invalid-value', /^Change to "IPv6"$/);
    assert.deepEqual(fixTitles(r.actions), ['Change to "IPv4"', 'Change to "IPv6"']);
    assert.equal(r.text, text.replace('"IPv5"', '"IPv6"'));
  });

  it('type-mismatch: turns enable_bfd = "yes" into true', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = "yes"\n}\n`;
    const r = await applyFix(text, 'type-mismatch', /^Use true$/);
    assert.equal(r.text, text.replace('"yes"', 'true'));
    assert.deepEqual(r.after, []);
  });

  it('in a .tfvars file: sets the enable_bfd variable to true', async () => {
    const text = `bfd_multi_hop   = 13\nenable_bfd      = false\npeer_ip_address = "1.1.1.2"\n`;
    // Its variables are judged in a module that declares a peer.
    const beside = { name: 'main.tf', text: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n' };
    const r = await applyFix(text, 'bfd-multi-hop-without-bfd', /^Set enable_bfd = true$/, { name: 'terraform.tfvars', languageId: 'terraform-vars', beside });
    assert.equal(r.text, text.replace('= false', '= true'));
    assert.deepEqual(r.after, []);
  });

  it('answers every finding on the requested range, and nothing where there is none', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 300
  status        = "Available"
}
`;
    const u = uri();
    await lsp.open(u, text);
    const whole = await lsp.codeActions(u, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } });
    assert.deepEqual(fixTitles(whole).sort(), ['Clamp to 255', 'Remove status']);
    // Without the diagnostics in the context (a client that does not pass them), the server still names them.
    assert.equal(whole.find((a) => a.title === 'Remove status')!.diagnostics![0].code, 'read-only-argument');
    assert.deepEqual(await lsp.codeActions(u, rangeOf(text, 'bgp_group_id')), []);
  });

  it('uses `changes` instead of versioned documentChanges for clients that do not support them', async () => {
    const plain = await LspClient.start({ documentChanges: false });
    try {
      const text = `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  status       = "x"\n}\n`;
      const u = uri();
      const [d] = await plain.open(u, text);
      const [action] = await plain.codeActions(u, d.range, [d]);
      assert.equal(action.edit?.documentChanges, undefined);
      assert.equal(applyEdits(text, action.edit!.changes![u]), text.replace('  status       = "x"\n', ''));
    } finally {
      await plain.stop();
    }
  });

  it('offers "Import existing BGP peer…" on a peer block or construct, only to a client that has the command', async () => {
    const withCommand = await LspClient.start({ initializationOptions: { clientCommands: ['alicloudBgp.importBgpPeer'] } });
    try {
      const text = `${GROUP('g')}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n\n# after\n`;
      const u = uri();
      await withCommand.open(u, text, 'terraform', 3);
      const importAt = async (client: LspClient, uri_: string, position: { line: number; character: number }) =>
        (await client.codeActions(uri_, { start: position, end: position })).filter((a) => a.title === 'Import existing BGP peer…');
      const peer = rangeOf(text, 'bgp_group_id');
      const [action, ...more] = await importAt(withCommand, u, peer.start);
      assert.equal(more.length, 0);
      assert.equal(action.kind, CodeActionKind.Refactor);
      assert.equal(action.command?.command, 'alicloudBgp.importBgpPeer');
      assert.deepEqual(action.command?.arguments, [{ uri: u, name: 'p', range: { start: { line: 5, character: 0 }, end: { line: 7, character: 1 } }, version: 3 }]);
      // On the header too; not on the group, nor below the block.
      assert.equal((await importAt(withCommand, u, { line: 5, character: 3 })).length, 1);
      assert.equal((await importAt(withCommand, u, rangeOf(text, 'router_id').start)).length, 0);
      assert.equal((await importAt(withCommand, u, rangeOf(text, '# after').start)).length, 0);
      // A CDKTF construct gets it as well.
      const ts = `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n});\n`;
      const tsUri = uri('stack.ts');
      await withCommand.open(tsUri, ts, 'typescript');
      assert.equal((await importAt(withCommand, tsUri, { line: 1, character: 4 })).length, 1);
      // A config struct written apart is no resource to import into.
      const cfg = `const c: VpcBgpPeerConfig = {\n  bgpGroupId: "bgpg-1",\n  bfdMultiHop: 300,\n};\n`;
      const cfgUri = uri('config.ts');
      const seen = await withCommand.open(cfgUri, cfg, 'typescript');
      assert.ok(seen.some((d) => d.code === 'value-out-of-range'), 'the config is checked as a peer');
      assert.equal((await importAt(withCommand, cfgUri, { line: 1, character: 4 })).length, 0);
      // A client that did not announce the command is never offered it.
      await lsp.open(u, text);
      assert.equal((await importAt(lsp, u, peer.start)).length, 0);
    } finally {
      await withCommand.stop();
    }
  });

  it('a fix computed after edits names the current document version', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n`;
    const u = uri();
    await lsp.open(u, text);
    const diags = await lsp.change(u, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '  status = "x"\n' }], 5);
    const [action] = await lsp.codeActions(u, diags[0].range, diags);
    const edits = editsFor(action.edit, u, 5);
    assert.equal(applyEdits(text.replace('}\n', '  status = "x"\n}\n'), edits), text);
  });

  it('offers no fix that would trade its error for another: the address says IPv6, the peer and its group IPv4', async () => {
    const group = GROUP('g').replace('peer_asn  = 65001', 'peer_asn   = 65001\n  ip_version = "IPv4"').replace('router_id =', 'router_id  =');
    const peer = `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = alicloud_vpc_bgp_group.g.id\n  peer_ip_address = "fd00::2"\n  ip_version      = "IPv4"\n}\n`;
    const u = uri();
    const diags = await lsp.open(u, group + peer);
    const mismatch = diags.filter((d) => d.code === 'ip-version-mismatch');
    assert.equal(mismatch.length, 1, JSON.stringify(diags));
    assert.deepEqual(fixTitles(await lsp.codeActions(u, mismatch[0].range, mismatch)), []);
    // With an IPv6 group the same fix is offered, and applying it leaves no error.
    await applyFix(group.replace('"IPv4"', '"IPv6"') + peer, 'ip-version-mismatch', /^Set ip_version = "IPv6"$/);
  });
});
