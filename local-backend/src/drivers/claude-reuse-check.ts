/**
 * The start-up check that decides whether CLI processes may serve several requests: the CLI
 * installed here, started exactly as the pool starts a reusable process, runs against a tiny
 * upstream of our own on loopback (a throwaway HOME and key, so no account is touched):
 * 1. request A: a system prompt, a prior assistant turn and a prompt, each with a marker;
 * 2. a request whose text is `/clear` (as a request would carry it) must reach the model as text;
 * 3. our own `/clear` must be answered without any upstream call;
 * 4. request B must reach the upstream as one message with no marker of A outside the system
 *    prompt it shares by construction (same-system grouping), under a new session id.
 * Any other outcome: reuse stays off and every request gets its own process.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { flattenConversation } from '../conversation.ts';
import { asPlainText, childEnv, cliArgs } from './claude-args.ts';
import { CliProcess } from './run-cli.ts';

export type ReuseMechanism = 'clear' | 'none';

export interface ReuseCheck {
	/** `clear`: processes are reused, cleared with `/clear` between requests. */
	mechanism: ReuseMechanism;
	check: 'passed' | 'failed' | 'off';
	detail: string;
	ms: number;
}

interface Seen {
	path: string;
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
}

/** A minimal Anthropic Messages upstream: every POST is recorded and answered "ok" (streamed when asked). */
async function checkUpstream(): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
	const seen: Seen[] = [];
	const server = createServer( ( req, res ) => {
		let raw = '';
		req.setEncoding( 'utf8' );
		req.on( 'data', ( c: string ) => ( raw += c ) );
		req.on( 'end', () => {
			if ( req.method !== 'POST' ) {
				res.end();
				return;
			}
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse( raw ) as Record<string, unknown>;
			} catch {
				// Recorded as empty: the check then fails on the missing messages.
			}
			seen.push( { path: req.url ?? '', headers: req.headers, body } );
			const model = typeof body.model === 'string' ? body.model : 'claude';
			const usage = { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
			const message = { id: `msg_check${ seen.length }`, type: 'message', role: 'assistant', model, content: [] as unknown[], stop_reason: null, stop_sequence: null, usage };
			if ( body.stream !== true ) {
				res.setHeader( 'content-type', 'application/json' );
				res.end( JSON.stringify( { ...message, content: [ { type: 'text', text: 'ok' } ], stop_reason: 'end_turn' } ) );
				return;
			}
			res.setHeader( 'content-type', 'text/event-stream' );
			const events: [ string, unknown ][] = [
				[ 'message_start', { type: 'message_start', message } ],
				[ 'content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } ],
				[ 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'ok' } } ],
				[ 'content_block_stop', { type: 'content_block_stop', index: 0 } ],
				[ 'message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } } ],
				[ 'message_stop', { type: 'message_stop' } ],
			];
			res.end( events.map( ( [ name, data ] ) => `event: ${ name }\ndata: ${ JSON.stringify( data ) }\n\n` ).join( '' ) );
		} );
	} );
	await new Promise<void>( ( resolve ) => server.listen( 0, '127.0.0.1', resolve ) );
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${ port }`,
		seen,
		close: () =>
			new Promise( ( resolve ) => {
				server.close( () => resolve() );
				server.closeAllConnections();
			} ),
	};
}

class CheckFailed extends Error {}

/** The system blocks without the CLI's billing header (its `cc_version` suffix varies per request). */
export function ownSystem( system: unknown ): unknown[] {
	return Array.isArray( system ) ? system.filter( ( b: { text?: unknown } ) => ! String( b.text ?? '' ).startsWith( 'x-anthropic-billing-header' ) ) : [ system ];
}

function sessionOf( seen: Seen ): string {
	return `${ String( seen.headers[ 'x-claude-code-session-id' ] ?? '' ) }|${ JSON.stringify( seen.body.metadata ?? '' ) }`;
}

/** Runs the check with `bin`; `baseEnv` gives only PATH, locale and temp dir (nothing of the author's account). */
export async function runReuseCheck( bin: string, baseEnv: NodeJS.ProcessEnv, timeoutMs = 30_000 ): Promise<ReuseCheck> {
	const started = performance.now();
	const upstream = await checkUpstream();
	const home = mkdtempSync( join( tmpdir(), 'aw-reuse-check-' ) );
	const env = childEnv(
		{
			PATH: baseEnv.PATH,
			LANG: baseEnv.LANG ?? 'C.UTF-8',
			TMPDIR: baseEnv.TMPDIR ?? tmpdir(),
			HOME: home,
			NO_PROXY: '127.0.0.1,localhost',
			ANTHROPIC_BASE_URL: upstream.url,
			ANTHROPIC_API_KEY: 'sk-ant-aw-reuse-check',
			CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
			DISABLE_TELEMETRY: '1',
			DISABLE_ERROR_REPORTING: '1',
		},
		timeoutMs
	);
	const cli = new CliProcess( { bin, args: cliArgs( 'sonnet', true ), env } );
	const signal = AbortSignal.timeout( timeoutMs );
	const tag = randomBytes( 6 ).toString( 'hex' );
	const markers = { system: `AWCHECK-SYSTEM-${ tag }`, assistant: `AWCHECK-ASSISTANT-${ tag }`, prompt: `AWCHECK-PROMPT-${ tag }` };

	const turn = async ( content: string ): Promise<{ result: string; numTurns: number }> => {
		cli.send( { type: 'user', message: { role: 'user', content }, parent_tool_use_id: null, session_id: '' } );
		for ( ;; ) {
			const next = await cli.nextLine( timeoutMs, signal );
			if ( next.kind !== 'line' ) {
				throw new CheckFailed( `the CLI gave no result (${ next.kind })${ cli.stderr ? `: ${ cli.stderr.slice( -300 ) }` : '' }` );
			}
			if ( next.line.includes( '"type":"result"' ) ) {
				const line = JSON.parse( next.line ) as { is_error?: boolean; result?: unknown; num_turns?: unknown };
				if ( line.is_error ) {
					throw new CheckFailed( `the CLI failed: ${ String( line.result ) }` );
				}
				return { result: String( line.result ?? '' ), numTurns: Number( line.num_turns ?? -1 ) };
			}
		}
	};
	const generations = () => upstream.seen.filter( ( s ) => /^\/v1\/messages(\?|$)/.test( s.path ) );

	try {
		cli.send( { type: 'control_request', request_id: 'aw-check-init', request: { subtype: 'initialize', systemPrompt: `Answer briefly. ${ markers.system }` } } );
		await turn(
			asPlainText(
				flattenConversation( [
					{ role: 'user', text: 'Say something.' },
					{ role: 'assistant', text: `Something: ${ markers.assistant }` },
					{ role: 'user', text: `Repeat ${ markers.prompt }` },
				] )
			)
		);
		const a = generations();
		if ( a.length !== 1 || ! Object.values( markers ).every( ( m ) => JSON.stringify( a[ 0 ]!.body ).includes( m ) ) ) {
			throw new CheckFailed( 'request A did not reach the check upstream with its markers' );
		}
		await turn( asPlainText( '/clear' ) );
		const typed = generations();
		const typedMessages = ( typed[ 1 ]?.body.messages ?? [] ) as unknown[];
		if ( typed.length !== 2 || typedMessages.length < 2 || ! JSON.stringify( typedMessages[ typedMessages.length - 1 ] ).includes( '/clear' ) ) {
			throw new CheckFailed( 'a request whose text is "/clear" was not passed to the model as text' );
		}
		const cleared = await turn( '/clear' );
		if ( generations().length !== 2 || cleared.numTurns !== 0 || cleared.result !== '' ) {
			throw new CheckFailed( `"/clear" did not clear (it was answered as "${ cleared.result.slice( 0, 80 ) }")` );
		}
		await turn( 'Request B.' );
		const b = generations()[ 2 ];
		if ( ! b ) {
			throw new CheckFailed( 'request B did not reach the check upstream' );
		}
		const { system, ...rest } = b.body;
		const outsideSystem = JSON.stringify( rest ) + JSON.stringify( b.headers );
		const leaked = Object.entries( markers ).filter( ( [ , m ] ) => outsideSystem.includes( m ) ).map( ( [ where ] ) => where );
		if ( leaked.length > 0 ) {
			throw new CheckFailed( `request B carried request A's ${ leaked.join( ', ' ) } marker upstream after /clear` );
		}
		if ( ( rest.messages as unknown[] | undefined )?.length !== 1 ) {
			throw new CheckFailed( `request B reached the upstream with ${ ( rest.messages as unknown[] | undefined )?.length ?? 0 } messages, not 1` );
		}
		if ( JSON.stringify( ownSystem( system ) ) !== JSON.stringify( ownSystem( a[ 0 ]!.body.system ) ) ) {
			throw new CheckFailed( 'request B went upstream with another system prompt than the one the process was started with' );
		}
		if ( sessionOf( b ) === sessionOf( a[ 0 ]! ) ) {
			throw new CheckFailed( 'request B went upstream under request A’s session id' );
		}
		return { mechanism: 'clear', check: 'passed', detail: '/clear between requests leaves nothing of a request upstream for the next; request text starting with / stays text', ms: Math.round( performance.now() - started ) };
	} catch ( error ) {
		const detail = error instanceof CheckFailed ? error.message : `the check could not run: ${ error instanceof Error ? error.message : String( error ) }`;
		return { mechanism: 'none', check: 'failed', detail: `${ detail }; every request gets its own CLI process`, ms: Math.round( performance.now() - started ) };
	} finally {
		await cli.kill();
		await upstream.close();
		rmSync( home, { recursive: true, force: true } );
	}
}

const checks = new Map<string, Promise<ReuseCheck>>();

/** One check per CLI path per server process (a test suite starts many backends with the same CLI). */
export function reuseCheckFor( bin: string, baseEnv: NodeJS.ProcessEnv ): Promise<ReuseCheck> {
	let check = checks.get( bin );
	if ( ! check ) {
		check = runReuseCheck( bin, baseEnv );
		checks.set( bin, check );
	}
	return check;
}
