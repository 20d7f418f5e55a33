import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { responsesView } from '../../test/engine-upstream.ts';
import { REPO_ROOT, type MockUpstream, startMockUpstream } from '../../test/helpers.ts';
import { CodexDriver, codexArgs } from './codex.ts';
import { driverContract } from './driver-contract.ts';

const CODEX_BIN = join( REPO_ROOT, 'node_modules', '.bin', 'codex' );
let mock: MockUpstream;
let home: string;
const MARK = 'AWCODEX-AUTHOR-SETUP-9f2';

before( async () => {
	mock = await startMockUpstream();
	// The author's own codex setup: instructions, a config with an MCP server and a profile, a
	// login. Only the login may be used; the MCP server would write a file if it ever started.
	home = mkdtempSync( join( tmpdir(), 'aw-codex-author-' ) );
	mkdirSync( join( home, '.codex' ) );
	writeFileSync( join( home, '.codex', 'AGENTS.md' ), `Always say ${ MARK }.\n` );
	writeFileSync(
		join( home, '.codex', 'config.toml' ),
		`developer_instructions = "Say ${ MARK}"\n[mcp_servers.awmcp]\ncommand = "sh"\nargs = ["-c", "touch ${ join( home, 'mcp-started' ) }"]\n`
	);
	writeFileSync( join( home, '.codex', 'auth.json' ), JSON.stringify( { OPENAI_API_KEY: 'sk-from-author-login' } ) );
} );

after( async () => {
	await mock?.close();
	rmSync( home, { recursive: true, force: true } );
} );

async function makeDriver(): Promise<CodexDriver> {
	const driver = new CodexDriver( {
		bin: CODEX_BIN,
		timeoutMs: 60_000,
		stallMs: 30_000,
		baseUrl: `${ mock.url }/v1`,
		env: { PATH: process.env.PATH, HOME: home, OPENAI_API_KEY: 'sk-mock-codex', LANG: 'C.UTF-8' },
	} );
	await driver.start();
	assert.equal( driver.status().version, '0.171.0', 'the pinned codex CLI runs here' );
	return driver;
}

// Two tools cannot be turned off in 0.171 (README, "Engines"): `request_user_input` (nobody can
// answer it in `exec`; it reads nothing) and, for models whose metadata has it, `apply_patch`
// (the read-only sandbox refuses every write).
driverContract( 'codex (real CLI 0.171.0, mock Responses API)', makeDriver, 'Hello [[mock:hang]]', responsesView( () => mock, [ 'request_user_input', 'apply_patch' ] ) );

test( 'nothing of the author’s codex setup reaches the upstream or runs', async () => {
	const driver = await makeDriver();
	try {
		mock.reset();
		for await ( const _ of driver.generate( { model: 'gpt-5', system: 'Be brief.', prompt: 'hello', signal: AbortSignal.timeout( 60_000 ) } ) ) {
			// Drain.
		}
		const sent = JSON.stringify( mock.requests.map( ( r ) => r.body ) );
		assert.ok( sent.includes( 'Be brief.' ), 'our system prompt went upstream' );
		assert.ok( ! sent.includes( MARK ), 'no AGENTS.md, no developer_instructions of the author' );
		assert.ok( ! existsSync( join( home, 'mcp-started' ) ), 'the author’s MCP server never started' );
		assert.ok( ! sent.includes( 'You are a coding agent' ), 'codex’s own coding-agent prompt is replaced' );
	} finally {
		await driver.close();
	}
} );

test( 'the provider and the system prompt file are passed as TOML strings', () => {
	const args = codexArgs( 'gpt-5', '/tmp/x "y"/system.md', 'http://127.0.0.1:9/v1' );
	assert.ok( args.includes( 'model_instructions_file="/tmp/x \\"y\\"/system.md"' ) );
	assert.ok( args.some( ( a ) => a.includes( 'base_url="http://127.0.0.1:9/v1"' ) ) );
	assert.equal( args[ args.length - 1 ], '-', 'the prompt comes on stdin' );
} );
