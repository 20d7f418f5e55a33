/**
 * Process reuse, proven where it matters: at the upstream. With the real pinned CLI and the
 * mock upstream recording every request the CLI sends, request A carries a marker in its system
 * prompt, a prior assistant turn and its prompt; request B served by the same process sends
 * nothing of A (messages, system, metadata, headers), and differs from what a fresh process
 * sends for B only in session ids and the CLI's own record of the `/clear`. Also: the start-up
 * check's verdict in /ping, recycling after N requests and after M minutes, and a request killed
 * mid-stream does not poison the process it ran on (that process is replaced).
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ClaudeDriver } from '../src/drivers/claude.ts';
import { childEnv } from '../src/drivers/claude-args.ts';
import { runReuseCheck } from '../src/drivers/claude-reuse-check.ts';
import type { RunningBackend } from '../src/index.ts';
import { CLAUDE_BIN, cliChildren, KEY, type MockUpstream, offlineCliEnv, postJson, removeHomes, STUB_CLI, startMockUpstream, startTestBackend, waitFor } from './helpers.ts';

let mock: MockUpstream;
let backend: RunningBackend;
let env: NodeJS.ProcessEnv;

const MARK = { system: 'AWMARK-SYS-A-71c', assistant: 'AWMARK-ASSISTANT-A-71c', prompt: 'AWMARK-PROMPT-A-71c' };
const SYSTEM_A = `Be brief. ${ MARK.system }`;

before( async () => {
	mock = await startMockUpstream();
	env = offlineCliEnv( mock.url );
	backend = await startTestBackend( mock.url, { pool: 1, env } );
} );

after( async () => {
	await backend?.stop();
	await mock.close();
	removeHomes();
} );

interface Seen {
	body: Record<string, unknown>;
	headers: Record<string, string>;
}

function generations(): Seen[] {
	return mock.requests.filter( ( r ) => r.method === 'POST' && r.path.startsWith( '/v1/messages' ) ).map( ( r ) => ( { body: r.body as Record<string, unknown>, headers: r.headers as Record<string, string> } ) );
}

async function ask( system: string, messages: { role: string; content: string }[], url = backend.url ): Promise<string> {
	const res = await postJson( `${ url }/v1/messages`, { model: 'sonnet', max_tokens: 100, system, messages } );
	assert.equal( res.status, 200, await res.clone().text() );
	return ( ( await res.json() ) as { content: { text: string }[] } ).content[ 0 ]!.text;
}

const requestA = () =>
	ask( SYSTEM_A, [
		{ role: 'user', content: 'Name a colour.' },
		{ role: 'assistant', content: `Blue ${ MARK.assistant }` },
		{ role: 'user', content: `And another ${ MARK.prompt }` },
	] );

/** A request body as it would be from a fresh process: session ids, the billing header's per-prompt suffix and the `/clear` record taken out. */
function normalised( body: Record<string, unknown> ): string {
	return JSON.stringify( body )
		.replace( /cc_version=[\w.]+/g, 'cc_version=X' )
		.replace( /\\"session_id\\":\\"[^\\]+\\"/g, 'session_id' )
		.replace( /\{"type":"text","text":"<local-command-caveat>[^}]*\},\{"type":"text","text":"<command-name>\/clear<\/command-name>[^}]*\},\{"type":"text","text":"<local-command-stdout><\/local-command-stdout>\\n"\},/, '' );
}

describe( 'reuse isolation (claude, mechanism "clear")', () => {
	test( '/ping reports the start-up check: passed, mechanism clear, with the limits', async () => {
		const ping = ( await ( await fetch( `${ backend.url }/ping`, { headers: { 'x-api-key': KEY } } ) ).json() ) as { drivers: { name: string; version: string; reuse: Record<string, unknown> }[] };
		const claude = ping.drivers.find( ( d ) => d.name === 'claude' )!;
		assert.equal( claude.reuse.check, 'passed', String( claude.reuse.detail ) );
		assert.equal( claude.reuse.mechanism, 'clear' );
		assert.equal( claude.reuse.max_requests, 100 );
		assert.equal( claude.version, '2.1.197' );
	} );

	test( 'B on the process that served A sends nothing of A upstream', async () => {
		await waitFor( () => backend.poolStats(), ( p ) => p.ready === 1, 20_000 );
		mock.reset();
		await requestA();
		const a = generations()[ 0 ]!;
		for ( const marker of Object.values( MARK ) ) {
			assert.ok( JSON.stringify( a.body ).includes( marker ), `A went upstream with ${ marker } (the markers are visible at all)` );
		}
		const reusedBefore = backend.poolStats().served_reused;
		mock.reset();
		await ask( SYSTEM_A, [ { role: 'user', content: 'Request B.' } ] );
		assert.equal( backend.poolStats().served_reused, reusedBefore + 1, 'B was served by the process that served A' );
		const b = generations();
		assert.equal( b.length, 1 );
		const { system, ...rest } = b[ 0 ]!.body;
		const outside = JSON.stringify( rest ) + JSON.stringify( b[ 0 ]!.headers );
		for ( const marker of Object.values( MARK ) ) {
			assert.ok( ! outside.includes( marker ), `B carries no ${ marker } in messages, metadata or headers` );
		}
		assert.equal( ( rest.messages as unknown[] ).length, 1, 'one message: nothing of A' );
		assert.ok( JSON.stringify( system ).includes( SYSTEM_A ), 'B’s system prompt is B’s own (the same text: that is why it shares the process)' );
		assert.notEqual( b[ 0 ]!.headers[ 'x-claude-code-session-id' ], a.headers[ 'x-claude-code-session-id' ], 'a new session id' );
		assert.notEqual( JSON.stringify( rest.metadata ), JSON.stringify( a.body.metadata ), 'new metadata (session) for B' );
	} );

	test( 'B after A is what a fresh process sends for B, but for session ids and the CLI’s record of /clear', async () => {
		mock.reset();
		await requestA();
		await ask( SYSTEM_A, [ { role: 'user', content: 'Request B, compared.' } ] );
		const reused = generations()[ 1 ]!.body;
		// Same HOME, so the same device id: only what reuse changes can differ.
		const fresh = await startTestBackend( mock.url, { pool: 0, env } );
		try {
			mock.reset();
			await ask( SYSTEM_A, [ { role: 'user', content: 'Request B, compared.' } ], fresh.url );
			assert.equal( fresh.poolStats().served_cold, 1 );
		} finally {
			await fresh.stop();
		}
		assert.equal( normalised( reused ), normalised( generations()[ 0 ]!.body ) );
	} );

	test( 'a different system prompt never gets A’s process: its upstream system has no trace of A', async () => {
		mock.reset();
		await requestA();
		const reusedBefore = backend.poolStats().served_reused;
		mock.reset();
		await ask( 'Be brief.', [ { role: 'user', content: 'Request C.' } ] );
		assert.equal( backend.poolStats().served_reused, reusedBefore, 'not served by A’s process' );
		const c = JSON.stringify( generations()[ 0 ]! );
		for ( const marker of Object.values( MARK ) ) {
			assert.ok( ! c.includes( marker ), `C carries no ${ marker }` );
		}
	} );

	test( 'lockdown holds on a reused process: "/clear" and "/context" in a request are text, and clear nothing', async () => {
		mock.reset();
		await ask( '', [ { role: 'user', content: `remember ${ MARK.prompt }` } ] );
		const reusedBefore = backend.poolStats().served_reused;
		for ( const command of [ '/clear', '/context' ] ) {
			mock.reset();
			const text = await ask( '', [ { role: 'user', content: command } ] );
			assert.match( text, new RegExp( `You wrote: “${ command }”` ), `${ command } reached the model as text` );
			const seen = generations();
			assert.equal( seen.length, 1, 'one generation, no count_tokens' );
			assert.equal( ( seen[ 0 ]!.body.messages as unknown[] ).length, 1 );
			assert.ok( ! JSON.stringify( seen[ 0 ]! ).includes( MARK.prompt ) );
		}
		assert.equal( backend.poolStats().served_reused, reusedBefore + 2, 'both on a reused process' );
	} );

	test( 'a request killed mid-stream does not poison its process: it is replaced, the next request is clean', async () => {
		await waitFor( () => backend.poolStats(), ( p ) => p.ready === 1, 20_000 );
		const before = cliChildren();
		assert.equal( before.length, 1 );
		mock.reset();
		const controller = new AbortController();
		const res = await postJson(
			`${ backend.url }/v1/messages`,
			{ model: 'sonnet', max_tokens: 200, stream: true, messages: [ { role: 'user', content: `long ${ MARK.prompt } [[mock:chunks=20,delay=200]]` } ] },
			{},
			controller.signal
		);
		const reader = res.body!.getReader();
		let seen = '';
		while ( ! seen.includes( 'text_delta' ) ) {
			seen += new TextDecoder().decode( ( await reader.read() ).value );
		}
		controller.abort();
		await waitFor( () => cliChildren(), ( pids ) => ! pids.includes( before[ 0 ]! ), 5000 );
		assert.ok( ! cliChildren().includes( before[ 0 ]! ), 'the process of the killed request is gone' );
		assert.equal( backend.poolStats().lent, 0 );
		await waitFor( () => backend.poolStats(), ( p ) => p.ready === 1, 20_000 );
		mock.reset();
		await ask( '', [ { role: 'user', content: 'after the kill' } ] );
		const next = generations();
		assert.equal( next.length, 1 );
		assert.equal( ( next[ 0 ]!.body.messages as unknown[] ).length, 1 );
		assert.ok( ! JSON.stringify( next[ 0 ]! ).includes( MARK.prompt ), 'nothing of the killed request' );
	} );
} );

describe( 'recycling', () => {
	test( 'a process is replaced after AW_BACKEND_REUSE_MAX_REQUESTS requests', async () => {
		const small = await startTestBackend( mock.url, { pool: 1, reuseMaxRequests: 2 } );
		try {
			await waitFor( () => small.poolStats(), ( p ) => p.ready === 1, 20_000 );
			for ( let i = 0; i < 3; i++ ) {
				await waitFor( () => small.poolStats(), ( p ) => p.ready === 1, 20_000 );
				await ask( '', [ { role: 'user', content: `recycle ${ i }` } ], small.url );
			}
			const stats = small.poolStats();
			assert.equal( stats.recycled, 1, `ended at its limit: ${ JSON.stringify( stats ) }` );
			assert.equal( stats.served_reused, 1, `${ JSON.stringify( stats ) }: the second request reused the first process; the third got a new one` );
		} finally {
			await small.stop();
		}
	} );

	test( 'a process is replaced once it is older than the age limit', async () => {
		const driver = new ClaudeDriver( { bin: CLAUDE_BIN, poolSize: 1, timeoutMs: 30_000, stallMs: 20_000, env: offlineCliEnv( mock.url ), reuseMaxMinutes: 0.5 / 60 } );
		await driver.start();
		try {
			const once = async () => {
				for await ( const _ of driver.generate( { model: 'sonnet', system: '', prompt: 'age', signal: AbortSignal.timeout( 30_000 ) } ) ) {
					// Drain.
				}
			};
			await once();
			await new Promise( ( r ) => setTimeout( r, 600 ) );
			await once();
			assert.equal( driver.poolStats().served_reused, 0, 'the aged process was not reused' );
			// A CLI takes longer than half a second to start, so each was past the limit when its request ended.
			assert.equal( driver.poolStats().recycled, 2 );
		} finally {
			await driver.close();
		}
	} );
} );

describe( 'the start-up check itself', () => {
	test( 'passes with the pinned CLI', async () => {
		const result = await runReuseCheck( CLAUDE_BIN, { PATH: process.env.PATH } );
		assert.equal( result.check, 'passed', result.detail );
	} );

	test( 'fails, and reuse stays off, when the CLI cannot show what it sends upstream (stand-in CLI)', async () => {
		const result = await runReuseCheck( STUB_CLI, childEnv( { PATH: process.env.PATH }, 10_000 ), 5000 );
		assert.equal( result.check, 'failed' );
		assert.equal( result.mechanism, 'none' );
		assert.match( result.detail, /every request gets its own CLI process/ );
	} );
} );
