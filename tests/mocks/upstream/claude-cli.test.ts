/**
 * The real `claude` CLI (2.1.197) against the mock: proves the Anthropic side is faithful
 * enough, and records which endpoints the CLI calls and how it behaves on failures.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, describe, it } from 'node:test';

import { type MockUpstream, startMockUpstream } from './index.ts';
import { textsOf, tokensFor } from './reply.ts';

const CLAUDE = fileURLToPath( new URL( '../../../node_modules/.bin/claude', import.meta.url ) );
const RUN_TIMEOUT_MS = 30_000;

interface CliRun {
	code: number | null;
	lines: Array<Record<string, unknown>>;
	stderr: string;
}

function runClaude( mock: MockUpstream, prompt: string, extraArgs: readonly string[] = [] ): Promise<CliRun> {
	const home = mkdtempSync( join( tmpdir(), 'aw-mock-claude-' ) );
	const child = spawn(
		CLAUDE,
		[
			'-p',
			'--output-format',
			'stream-json',
			'--verbose',
			'--include-partial-messages',
			'--tools',
			'',
			'--no-session-persistence',
			'--model',
			'sonnet',
			...extraArgs,
		],
		{
			cwd: home,
			stdio: [ 'pipe', 'pipe', 'pipe' ],
			env: {
				PATH: process.env.PATH ?? '/usr/bin:/bin',
				HOME: home,
				ANTHROPIC_BASE_URL: mock.url,
				ANTHROPIC_API_KEY: 'sk-ant-mock-cli1',
				CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
				DISABLE_TELEMETRY: '1',
				DISABLE_AUTOUPDATER: '1',
				DISABLE_ERROR_REPORTING: '1',
				CLAUDE_CODE_MAX_RETRIES: '0',
				MAX_THINKING_TOKENS: '0',
			},
		}
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on( 'data', ( data: Buffer ) => ( stdout += data.toString() ) );
	child.stderr.on( 'data', ( data: Buffer ) => ( stderr += data.toString() ) );
	child.stdin.on( 'error', () => undefined ); // a CLI that dies early must fail the assertions, not crash the runner
	child.stdin.end( prompt );
	const killer = setTimeout( () => child.kill( 'SIGKILL' ), RUN_TIMEOUT_MS );
	return new Promise( ( resolve, reject ) => {
		child.once( 'error', reject );
		child.once( 'close', ( code ) => {
			clearTimeout( killer );
			rmSync( home, { recursive: true, force: true } );
			const lines = stdout
				.split( '\n' )
				.filter( ( line ) => line.trim() !== '' )
				.map( ( line ) => JSON.parse( line ) as Record<string, unknown> );
			resolve( { code, lines, stderr } );
		} );
	} );
}

function textDeltas( run: CliRun ): string[] {
	return run.lines.flatMap( ( line ) => {
		const event = line.event as { type?: string; delta?: { type?: string; text?: string } } | undefined;
		return line.type === 'stream_event' && event?.type === 'content_block_delta' && event.delta?.type === 'text_delta'
			? [ event.delta.text ?? '' ]
			: [];
	} );
}

function resultLine( run: CliRun ): Record<string, unknown> & { usage: Record<string, number> } {
	const result = run.lines.find( ( line ) => line.type === 'result' );
	assert.ok( result, `no result line; stderr: ${ run.stderr }` );
	return result as Record<string, unknown> & { usage: Record<string, number> };
}

describe( 'the real claude CLI against the mock', { skip: ! existsSync( CLAUDE ) && 'node_modules/.bin/claude is not installed' }, () => {
	let mock: MockUpstream;
	before( async () => {
		mock = await startMockUpstream();
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	it( 'streams text deltas and reports the mock’s usage in the result line', async ( t ) => {
		const run = await runClaude( mock, 'Write one sentence about tea.' );
		t.diagnostic( `CLI called: ${ mock.requests.map( ( r ) => `${ r.method } ${ r.path }` ).join( ', ' ) }` );
		assert.equal( run.code, 0, run.stderr );

		const deltas = textDeltas( run );
		assert.equal( deltas.length, 5 );
		const text = deltas.join( '' );
		assert.match( text, /^Mock reply from \S+\. You wrote: “Write one sentence about tea\.”\./ );

		const result = resultLine( run );
		assert.equal( result.is_error, false );
		assert.equal( result.result, text );
		assert.equal( result.stop_reason, 'end_turn' );

		const call = mock.requests.find( ( r ) => r.method === 'POST' );
		const body = call?.body as { system?: unknown; messages: Array<{ content: unknown }> };
		const inputChars = [ ...textsOf( body.system ), ...body.messages.flatMap( ( m ) => textsOf( m.content ) ) ].reduce(
			( sum, piece ) => sum + piece.length,
			0
		);
		assert.equal( result.usage.input_tokens, tokensFor( inputChars ) );
		assert.equal( result.usage.output_tokens, tokensFor( Array.from( text ).length ) );
		assert.equal( result.usage.cache_read_input_tokens, 0 );

		// What the CLI calls: a HEAD probe, then one streamed Messages request with x-api-key.
		assert.deepEqual(
			mock.requests.map( ( r ) => `${ r.method } ${ r.path }` ),
			[ 'HEAD /', 'POST /v1/messages?beta=true' ]
		);
		assert.equal( call?.headers[ 'x-api-key' ], '…cli1' );
		assert.equal( ( call?.body as { stream?: boolean } ).stream, true );
	} );

	it( 'turns a scripted 529 into is_error with the status, after a synthetic assistant message', async () => {
		const run = await runClaude( mock, 'Please fail [[mock:status=529]]' );
		assert.notEqual( run.code, 0 );
		const result = resultLine( run );
		assert.equal( result.is_error, true );
		assert.equal( result.api_error_status, 529 );
		const assistant = run.lines.find( ( line ) => line.type === 'assistant' ) as { message: { model: string } } | undefined;
		assert.equal( assistant?.message.model, '<synthetic>' );
	} );

	it( 'retries a dropped stream once without streaming: the streamed text is not re-sent as deltas', async () => {
		mock.script( 'drop_after=2', { path: '/v1/messages', times: 1 } );
		const run = await runClaude( mock, 'Drop once' );
		assert.equal( run.code, 0, run.stderr );
		assert.equal( textDeltas( run ).length, 2 );
		const posts = mock.requests.filter( ( r ) => r.method === 'POST' );
		assert.deepEqual(
			posts.map( ( r ) => ( r.body as { stream?: boolean } ).stream === true ),
			[ true, false ]
		);
		const result = resultLine( run );
		assert.equal( result.is_error, false );
		assert.match( String( result.result ), /^Mock reply from .*“Drop once”/ );
	} );

	it( 'recognizes a task prompt passed as --system-prompt, as the local backend passes it', async () => {
		// The writing prompt of plugin/src/Generation/Task_Prompts.php, the part the mock looks for.
		const system = 'You are Agentic Writer. Task: write the requested part of the post in Markdown (## headings, paragraphs, lists).';
		const run = await runClaude( mock, 'Section: Why bees matter', [ '--system-prompt', system ] );
		assert.equal( run.code, 0, run.stderr );
		const text = textDeltas( run ).join( '' );
		assert.match( text, /^## Why bees matter\n\nMock reply from \S+\. You wrote: “Section: Why bees matter”\./ );
		assert.match( text, /^```/m );
		assert.equal( resultLine( run ).result, text );
	} );
} );
