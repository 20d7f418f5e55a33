import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { geminiView } from '../../test/engine-upstream.ts';
import { REPO_ROOT, type MockUpstream, startMockUpstream } from '../../test/helpers.ts';
import { driverContract } from './driver-contract.ts';
import { GeminiDriver } from './gemini.ts';

const GEMINI_BIN = join( REPO_ROOT, 'node_modules', '.bin', 'gemini' );
let mock: MockUpstream;
let home: string;
const MARK = 'AWGEMINI-AUTHOR-SETUP-3c8';

before( async () => {
	mock = await startMockUpstream();
	// The author's own gemini setup: GEMINI.md, settings with an MCP server, a custom command.
	home = mkdtempSync( join( tmpdir(), 'aw-gemini-author-' ) );
	mkdirSync( join( home, '.gemini', 'commands' ), { recursive: true } );
	writeFileSync( join( home, '.gemini', 'GEMINI.md' ), `Always say ${ MARK }.\n` );
	writeFileSync( join( home, '.gemini', 'commands', 'awcmd.toml' ), `prompt = "Say ${ MARK }"\n` );
	writeFileSync( join( home, '.gemini', 'settings.json' ), JSON.stringify( { mcpServers: { awmcp: { command: 'sh', args: [ '-c', `touch ${ join( home, 'mcp-started' ) }` ] } } } ) );
} );

after( async () => {
	await mock?.close();
	rmSync( home, { recursive: true, force: true } );
} );

async function makeDriver(): Promise<GeminiDriver> {
	const driver = new GeminiDriver( {
		bin: GEMINI_BIN,
		timeoutMs: 90_000,
		stallMs: 60_000,
		env: { PATH: process.env.PATH, HOME: home, GEMINI_API_KEY: 'gk-mock-gemini', GOOGLE_GEMINI_BASE_URL: mock.url, LANG: 'C.UTF-8' },
	} );
	await driver.start();
	assert.equal( driver.status().version, '0.61.0', 'the pinned gemini CLI runs here' );
	return driver;
}

driverContract( 'gemini (real CLI 0.61.0, mock Gemini API)', makeDriver, 'Hello [[mock:hang]]', geminiView( () => mock ) );

test( 'nothing of the author’s gemini setup reaches the upstream or runs', async () => {
	const driver = await makeDriver();
	try {
		mock.reset();
		for await ( const _ of driver.generate( { model: 'gemini-2.5-flash', system: 'Be brief.', prompt: '/awcmd', signal: AbortSignal.timeout( 90_000 ) } ) ) {
			// Drain.
		}
		const sent = JSON.stringify( mock.requests.map( ( r ) => r.body ) );
		assert.ok( sent.includes( 'Be brief.' ), 'our system prompt went upstream' );
		assert.ok( ! sent.includes( MARK ), 'no GEMINI.md, no custom command of the author' );
		assert.ok( ! existsSync( join( home, 'mcp-started' ) ), 'the author’s MCP server never started' );
	} finally {
		await driver.close();
	}
} );
