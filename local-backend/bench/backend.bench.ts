/**
 * Local backend benchmarks (issues 5 and 13), all against the same mock upstream in one run:
 * warm vs cold time to first token, the backend's own overhead over a ready CLI in the same
 * state (reused and cleared when the backend reuses processes), where a warm request's time
 * goes hop by hop (AW_BACKEND_TRACE), the HTTP layer alone (stand-in CLI) against a plain
 * node:http proxy, and requests per second at concurrency 4 against spawning the CLI per request.
 *
 * `tsx local-backend/bench/backend.bench.ts` prints a table and JSON; `run()` returns the metrics.
 */

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { cliArgs, childEnv } from '../src/drivers/claude.ts';
import { ClaudeProcess } from '../src/drivers/claude-process.ts';
import { CodexDriver } from '../src/drivers/codex.ts';
import { GeminiDriver } from '../src/drivers/gemini.ts';
import type { Driver } from '../src/drivers/types.ts';
import { CliProcess } from '../src/drivers/run-cli.ts';
import { BACKEND_DIR, CLAUDE_BIN, KEY, REPO_ROOT, type MockUpstream, offlineCliEnv, removeHomes, startMockUpstream, STUB_CLI } from '../test/helpers.ts';

const agent = new http.Agent( { keepAlive: true, maxSockets: 16 } );

function p50( values: number[] ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2 ? sorted[ mid ]! : ( sorted[ mid - 1 ]! + sorted[ mid ]! ) / 2;
}

const round = ( n: number, digits = 2 ) => Math.round( n * 10 ** digits ) / 10 ** digits;
const sleep = ( ms: number ) => new Promise( ( r ) => setTimeout( r, ms ) );

/** POSTs and resolves with the ms until `marker` first appears in the response body, then drains it. */
function timeToMarker( url: string, body: unknown, headers: Record<string, string>, marker: string ): Promise<number> {
	return new Promise( ( resolve, reject ) => {
		const started = performance.now();
		let first: number | undefined;
		let seen = '';
		const req = http.request( url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, ( res ) => {
			res.setEncoding( 'utf8' );
			res.on( 'data', ( chunk: string ) => {
				if ( first === undefined ) {
					seen += chunk;
					if ( seen.includes( marker ) ) {
						first = performance.now() - started;
					}
				}
			} );
			res.on( 'end', () => ( first === undefined ? reject( new Error( `no "${ marker }" in ${ seen.slice( 0, 300 ) }` ) ) : resolve( first ) ) );
		} );
		req.setTimeout( 60_000, () => req.destroy( new Error( 'timeout' ) ) );
		req.on( 'error', reject );
		req.end( JSON.stringify( body ) );
	} );
}

// One system prompt for every request, as a plugin task sends: reused processes serve it.
const SYSTEM = 'You are a concise writing assistant.';
const streamBody = ( content: string ) => ( { model: 'sonnet', max_tokens: 64, stream: true, system: SYSTEM, messages: [ { role: 'user', content } ] } );
const shortBody = ( content: string ) => ( { model: 'sonnet', max_tokens: 64, system: SYSTEM, messages: [ { role: 'user', content } ] } );

/**
 * A CLI keeps working for a moment after it answers the readiness probe; warm and direct
 * samples both start this long after readiness, so both measure an idle, waiting process.
 */
const SETTLE_MS = 300;

interface BackendProcess {
	url: string;
	poolReady(): Promise<number>;
	/** Hop timings of each request (AW_BACKEND_TRACE=1), in order. */
	traces: Record<string, number>[];
	stop(): Promise<void>;
}

/** The shipped bundle in its own process, as authors run it (in-process, the client would share its event loop). */
async function startBackendProcess( env: NodeJS.ProcessEnv, settings: Record<string, string> ): Promise<BackendProcess> {
	const child = spawn( process.execPath, [ join( BACKEND_DIR, 'dist', 'server.js' ) ], {
		env: { ...env, AW_BACKEND_PORT: '0', AW_BACKEND_API_KEY: KEY, ...settings },
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	const traces: Record<string, number>[] = [];
	let errText = '';
	child.stderr.setEncoding( 'utf8' );
	child.stderr.on( 'data', ( chunk: string ) => {
		errText += chunk;
		let end: number;
		while ( ( end = errText.indexOf( '\n' ) ) !== -1 ) {
			const line = errText.slice( 0, end );
			errText = errText.slice( end + 1 );
			if ( line.startsWith( '{"aw_trace"' ) ) {
				traces.push( ( JSON.parse( line ) as { aw_trace: Record<string, number> } ).aw_trace );
			} else {
				process.stderr.write( `${ line }\n` );
			}
		}
	} );
	const url = await new Promise<string>( ( resolve, reject ) => {
		let out = '';
		const timer = setTimeout( () => reject( new Error( `backend did not start: ${ out }` ) ), 30_000 );
		child.stdout.setEncoding( 'utf8' );
		child.stdout.on( 'data', ( chunk: string ) => {
			out += chunk;
			const found = /listening on (http:\/\/\S+)/.exec( out );
			if ( found ) {
				clearTimeout( timer );
				resolve( found[ 1 ]! );
			}
		} );
		child.on( 'exit', () => reject( new Error( `backend exited: ${ out }` ) ) );
	} );
	return {
		url,
		traces,
		async poolReady() {
			const ping = ( await ( await fetch( `${ url }/ping`, { headers: { 'x-api-key': KEY } } ) ).json() ) as { pool: { ready: number } };
			return ping.pool.ready;
		},
		stop: () =>
			new Promise( ( resolve ) => {
				child.once( 'exit', () => resolve() );
				child.kill( 'SIGTERM' );
			} ),
	};
}

async function reuseOf( backend: BackendProcess ): Promise<string> {
	const ping = ( await ( await fetch( `${ backend.url }/ping`, { headers: { 'x-api-key': KEY } } ) ).json() ) as { drivers: { name: string; reuse?: { mechanism: string } }[] };
	return ping.drivers.find( ( d ) => d.name === 'claude' )?.reuse?.mechanism ?? 'none';
}

async function waitPoolReady( backend: BackendProcess, ready: number ): Promise<void> {
	const until = Date.now() + 20_000;
	while ( ( await backend.poolReady() ) < ready && Date.now() < until ) {
		await sleep( 20 );
	}
	await sleep( SETTLE_MS );
}

async function warmTtft( backend: BackendProcess, samples: number, poolSize: number ): Promise<number[]> {
	const times: number[] = [];
	for ( let i = 0; i < samples; i++ ) {
		await waitPoolReady( backend, poolSize );
		times.push( await timeToMarker( `${ backend.url }/v1/messages`, streamBody( `warm ${ i }` ), { 'x-api-key': KEY }, 'text_delta' ) );
	}
	return times;
}

/** Spawns `claude -p` per request; ms from spawn to the first text delta on stdout. */
function coldOnce( env: NodeJS.ProcessEnv, i: number ): Promise<number> {
	return new Promise( ( resolve, reject ) => {
		const cwd = mkdtempSync( join( tmpdir(), 'aw-bench-' ) );
		const started = performance.now();
		const child = spawn( CLAUDE_BIN, [ '-p', '--output-format', 'stream-json', '--verbose', '--include-partial-messages', '--tools', '', '--no-session-persistence', '--model', 'sonnet' ], { cwd, env, stdio: [ 'pipe', 'pipe', 'ignore' ] } );
		let first: number | undefined;
		child.stdout.setEncoding( 'utf8' );
		child.stdout.on( 'data', ( chunk: string ) => {
			if ( first === undefined && chunk.includes( 'text_delta' ) ) {
				first = performance.now() - started;
			}
		} );
		child.on( 'close', () => {
			rmSync( cwd, { recursive: true, force: true } );
			if ( first === undefined ) {
				reject( new Error( 'cold CLI gave no text' ) );
			} else {
				resolve( first );
			}
		} );
		child.stdin.end( `cold ${ i }` );
	} );
}

/** A CLI started ahead and ready (as the pool does), driven directly: ms from sending the turn to the first text delta. */
async function readyCliOnce( bin: string, env: NodeJS.ProcessEnv, i: number ): Promise<number> {
	const cli = new CliProcess( { bin, args: cliArgs( 'sonnet' ), env } );
	try {
		cli.send( { type: 'control_request', request_id: 'ready', request: { subtype: 'get_binary_version' } } );
		const signal = AbortSignal.timeout( 30_000 );
		for ( ;; ) {
			const next = await cli.nextLine( 30_000, signal );
			if ( next.kind !== 'line' ) {
				throw new Error( `CLI not ready: ${ next.kind }` );
			}
			if ( next.line.includes( '"ready"' ) ) {
				break;
			}
		}
		await sleep( SETTLE_MS );
		const started = performance.now();
		cli.send(
			{ type: 'control_request', request_id: 'init', request: { subtype: 'initialize', systemPrompt: '' } },
			{ type: 'user', message: { role: 'user', content: `direct ${ i }` }, parent_tool_use_id: null, session_id: '' }
		);
		for ( ;; ) {
			const next = await cli.nextLine( 30_000, signal );
			if ( next.kind !== 'line' ) {
				throw new Error( `CLI gave no text: ${ next.kind }` );
			}
			if ( next.line.includes( 'text_delta' ) ) {
				return performance.now() - started;
			}
		}
	} finally {
		await cli.kill();
	}
}

/**
 * A reusable CLI driven directly the way the backend drives it: a first request, `/clear`, then
 * the measured one. The best any wrapper that reuses this CLI can do.
 */
async function reusedCliOnce( bin: string, env: NodeJS.ProcessEnv, i: number ): Promise<{ ms: number; firstLineMs: number }> {
	let onReady: () => void = () => {};
	const ready = new Promise<void>( ( r ) => ( onReady = r ) );
	const cli = new ClaudeProcess( 'sonnet', bin, env, true, () => onReady() );
	const signal = AbortSignal.timeout( 30_000 );
	const until = async ( marker: string ) => {
		for ( ;; ) {
			const next = await cli.process.nextLine( 30_000, signal );
			if ( next.kind !== 'line' ) {
				throw new Error( `CLI gave no ${ marker }: ${ next.kind }` );
			}
			if ( next.line.includes( marker ) ) {
				return;
			}
		}
	};
	try {
		await ready;
		cli.begin( SYSTEM, `direct first ${ i }` );
		await until( '"type":"result"' );
		cli.clear();
		if ( ! ( await cli.settled() ) ) {
			throw new Error( '/clear did not clear' );
		}
		await sleep( SETTLE_MS );
		const started = performance.now();
		cli.begin( SYSTEM, `direct ${ i }` );
		const first = await cli.process.nextLine( 30_000, signal );
		const firstLineMs = performance.now() - started;
		if ( first.kind === 'line' && first.line.includes( 'text_delta' ) ) {
			return { ms: firstLineMs, firstLineMs };
		}
		await until( 'text_delta' );
		return { ms: performance.now() - started, firstLineMs };
	} finally {
		await cli.kill();
	}
}

/** p50 of each hop's own time, named `backend_hop_<from>_to_<to>_ms_p50`. */
function hopMetrics( traces: Record<string, number>[], prefix: string ): Record<string, number> {
	const hops = [ 'accept', 'validated', 'slot', 'pool_take', 'stdin_write', 'first_stdout_line', 'first_text_line', 'first_sse_write' ];
	const out: Record<string, number> = {};
	for ( let h = 1; h < hops.length; h++ ) {
		const spans = traces.filter( ( t ) => t[ hops[ h ]! ] !== undefined && t[ hops[ h - 1 ]! ] !== undefined ).map( ( t ) => t[ hops[ h ]! ]! - t[ hops[ h - 1 ]! ]! );
		if ( spans.length > 0 ) {
			out[ `${ prefix }_${ hops[ h - 1 ] }_to_${ hops[ h ] }_ms_p50` ] = round( p50( spans ), 3 );
		}
	}
	return out;
}

/** ms from asking `driver` in this process (no HTTP) to its first text: the CLI as the driver spawns it. */
async function driverTtft( driver: Driver, model: string, i: number ): Promise<number> {
	const started = performance.now();
	let first: number | undefined;
	for await ( const event of driver.generate( { model, system: SYSTEM, prompt: `direct ${ i }`, signal: AbortSignal.timeout( 120_000 ) } ) ) {
		if ( event.type === 'text' && first === undefined ) {
			first = performance.now() - started;
		}
	}
	if ( first === undefined ) {
		throw new Error( `${ driver.name } gave no text` );
	}
	return first;
}

/**
 * codex and gemini: one process per request (they read the prompt before starting up, so
 * nothing can wait warm). Backend TTFT against the same CLI spawned by its driver in-process.
 */
async function otherEngines( mock: MockUpstream, metrics: Record<string, number>, backends: BackendProcess[] ): Promise<void> {
	const bin = ( name: string ) => join( REPO_ROOT, 'node_modules', '.bin', name );
	const home = mkdtempSync( join( tmpdir(), 'aw-bench-engines-' ) );
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: home, OPENAI_API_KEY: 'sk-mock-codex', GEMINI_API_KEY: 'gk-mock-gemini', GOOGLE_GEMINI_BASE_URL: mock.url };
	const engines: [ string, string, Driver ][] = [
		[ 'codex', 'gpt-5', new CodexDriver( { bin: bin( 'codex' ), timeoutMs: 120_000, stallMs: 60_000, env, baseUrl: `${ mock.url }/v1` } ) ],
		[ 'gemini', 'gemini-2.5-flash', new GeminiDriver( { bin: bin( 'gemini' ), timeoutMs: 120_000, stallMs: 60_000, env } ) ],
	];
	const backend = await startBackendProcess( env, {
		AW_BACKEND_ENGINES: 'codex,gemini',
		AW_CODEX_BIN: bin( 'codex' ),
		AW_GEMINI_BIN: bin( 'gemini' ),
		AW_CODEX_BASE_URL: `${ mock.url }/v1`,
	} );
	backends.push( backend );
	try {
		for ( const [ name, model, driver ] of engines ) {
			await driver.start();
			const direct: number[] = [];
			const viaBackend: number[] = [];
			for ( let i = 0; i < 3; i++ ) {
				direct.push( await driverTtft( driver, model, i ) );
				viaBackend.push( await timeToMarker( `${ backend.url }/v1/messages`, { ...streamBody( `via backend ${ i }` ), model }, { 'x-api-key': KEY }, 'text_delta' ) );
			}
			await driver.close();
			metrics[ `${ name }_cli_cold_ttft_ms_p50` ] = round( p50( direct ) );
			metrics[ `${ name }_backend_ttft_ms_p50` ] = round( p50( viaBackend ) );
			metrics[ `${ name }_backend_vs_cold_ratio` ] = round( p50( viaBackend ) / p50( direct ), 3 );
		}
	} finally {
		await backend.stop();
		backends.splice( backends.indexOf( backend ), 1 );
		rmSync( home, { recursive: true, force: true } );
	}
}

async function series( n: number, once: ( i: number ) => Promise<number> ): Promise<number[]> {
	const out: number[] = [];
	for ( let i = 0; i < n; i++ ) {
		out.push( await once( i ) );
	}
	return out;
}

/** Completed requests per second with `concurrency` workers sharing `total` requests. */
async function rps( total: number, concurrency: number, once: ( i: number ) => Promise<unknown> ): Promise<number> {
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from( { length: concurrency }, async () => {
			while ( next < total ) {
				await once( next++ );
			}
		} )
	);
	return total / ( ( performance.now() - started ) / 1000 );
}

function completeOnce( url: string, body: unknown, headers: Record<string, string> ): Promise<void> {
	return timeToMarker( url, body, headers, '"end_turn"' ).then( () => undefined );
}

/** The floor: a plain node:http reverse proxy in its own process, as the backend runs in its own. */
const FLOOR_PROXY = `
const http = require( 'node:http' );
const [ host, port ] = process.argv.slice( 1 );
const agent = new http.Agent( { keepAlive: true } );
const server = http.createServer( ( req, res ) => {
	const forward = http.request( { host, port, path: req.url, method: req.method, headers: req.headers, agent }, ( up ) => {
		res.writeHead( up.statusCode, up.headers );
		up.pipe( res );
	} );
	forward.on( 'error', () => res.destroy() );
	req.pipe( forward );
} );
server.listen( 0, '127.0.0.1', () => console.log( 'listening on http://127.0.0.1:' + server.address().port ) );
`;

async function startFloorProxy( target: string ): Promise<{ url: string; close(): Promise<void> }> {
	const upstream = new URL( target );
	const child = spawn( process.execPath, [ '-e', FLOOR_PROXY, upstream.hostname, upstream.port ], { stdio: [ 'ignore', 'pipe', 'inherit' ] } );
	const url = await new Promise<string>( ( resolve, reject ) => {
		child.stdout.setEncoding( 'utf8' );
		child.stdout.once( 'data', ( chunk: string ) => resolve( chunk.trim().replace( 'listening on ', '' ) ) );
		child.once( 'exit', () => reject( new Error( 'floor proxy exited' ) ) );
	} );
	return {
		url,
		close: () =>
			new Promise( ( resolve ) => {
				child.once( 'exit', () => resolve() );
				child.kill( 'SIGTERM' );
			} ),
	};
}

export async function run(): Promise<Record<string, number>> {
	const mock: MockUpstream = await startMockUpstream();
	const env = offlineCliEnv( mock.url );
	const cliEnv = childEnv( env, 60_000 );
	const metrics: Record<string, number> = {};
	const backends: BackendProcess[] = [];
	execFileSync( process.execPath, [ join( BACKEND_DIR, 'scripts', 'bundle.mjs' ) ], { stdio: 'ignore' } );
	try {
		// Cold: the CLI spawned per request, as a naive proxy does.
		const cold = await series( 6, ( i ) => coldOnce( cliEnv, i ) );
		// A ready CLI driven directly: the best any wrapper of this CLI can do.
		// Samples alternate, so both see the same machine load (2 shared cores here).
		// AW_BENCH_REUSE=off: the same measurement with one process per request (what it was before reuse).
		const backend = await startBackendProcess( env, { AW_CLAUDE_BIN: CLAUDE_BIN, AW_BACKEND_POOL: '2', AW_BACKEND_TRACE: '1', AW_BACKEND_REUSE: process.env.AW_BENCH_REUSE === 'off' ? 'off' : 'auto' } );
		backends.push( backend );
		const reuse = await reuseOf( backend );
		metrics.backend_reuse_on = reuse === 'clear' ? 1 : 0;
		const direct: number[] = [];
		const directFirstLine: number[] = [];
		const fresh: number[] = [];
		const warm: number[] = [];
		// Once, so the backend's process has served a request and been cleared (as in steady use).
		await warmTtft( backend, 1, 2 );
		backend.traces.length = 0;
		for ( let i = 0; i < 14; i++ ) {
			warm.push( ...( await warmTtft( backend, 1, 2 ) ) );
			if ( reuse === 'clear' ) {
				const sample = await reusedCliOnce( CLAUDE_BIN, cliEnv, i );
				direct.push( sample.ms );
				directFirstLine.push( sample.firstLineMs );
			}
			if ( i % 2 === 0 || reuse !== 'clear' ) {
				fresh.push( await readyCliOnce( CLAUDE_BIN, cliEnv, i ) );
			}
		}
		const baseline = reuse === 'clear' ? direct : fresh;
		metrics.cli_cold_ttft_ms_p50 = round( p50( cold ) );
		metrics.cli_ready_ttft_ms_p50 = round( p50( fresh ) );
		if ( reuse === 'clear' ) {
			metrics.cli_reused_ttft_ms_p50 = round( p50( direct ) );
			metrics.cli_reused_first_line_ms_p50 = round( p50( directFirstLine ) );
		}
		metrics.backend_ttft_warm_ms_p50 = round( p50( warm ) );
		metrics.backend_warm_vs_cold_ratio = round( p50( warm ) / p50( cold ), 3 );
		metrics.backend_overhead_ms_p50 = round( p50( warm ) - p50( baseline ) );
		Object.assign( metrics, hopMetrics( backend.traces, 'backend_hop' ) );

		// Real usage in streams (claude-code-router reports 0).
		const usageText = await new Promise<string>( ( resolve, reject ) => {
			const req = http.request( `${ backend.url }/v1/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-api-key': KEY } }, ( res ) => {
				let text = '';
				res.setEncoding( 'utf8' );
				res.on( 'data', ( c: string ) => ( text += c ) );
				res.on( 'end', () => resolve( text ) );
			} );
			req.on( 'error', reject );
			req.end( JSON.stringify( streamBody( 'usage?' ) ) );
		} );
		const delta = /event: message_delta\ndata: (.*)/.exec( usageText )?.[ 1 ];
		metrics.backend_stream_usage_reported = delta && ( JSON.parse( delta ) as { usage: { output_tokens: number } } ).usage.output_tokens > 0 ? 1 : 0;

		// Throughput at concurrency 4: backend (pool 4) vs spawning the CLI per request.
		await backend.stop();
		backends.pop();
		const busy = await startBackendProcess( env, { AW_CLAUDE_BIN: CLAUDE_BIN, AW_BACKEND_POOL: '4', AW_BACKEND_CONCURRENCY: '4' } );
		backends.push( busy );
		await waitPoolReady( busy, 4 );
		// One round first: in steady use the pool's processes have served before (and are reused).
		await rps( 4, 4, ( i ) => completeOnce( `${ busy.url }/v1/messages`, shortBody( `rps warm-up ${ i }` ), { 'x-api-key': KEY } ) );
		metrics.backend_rps_c4 = round( await rps( 32, 4, ( i ) => completeOnce( `${ busy.url }/v1/messages`, shortBody( `rps ${ i }` ), { 'x-api-key': KEY } ) ) );
		await busy.stop();
		backends.pop();
		metrics.direct_spawn_rps_c4 = round( await rps( 16, 4, ( i ) => coldOnce( cliEnv, i ) ) );
		metrics.backend_vs_direct_rps_ratio = round( metrics.backend_rps_c4 / metrics.direct_spawn_rps_c4 );

		// The HTTP layer alone: the stand-in CLI answers at once.
		const stubEnv = { PATH: process.env.PATH };
		const stubbed = await startBackendProcess( stubEnv, { AW_CLAUDE_BIN: STUB_CLI, AW_BACKEND_POOL: '2', AW_BACKEND_TRACE: '1' } );
		backends.push( stubbed );
		const stubDirect: number[] = [];
		const stubWarm: number[] = [];
		for ( let i = 0; i < 20; i++ ) {
			stubWarm.push( ...( await warmTtft( stubbed, 1, 2 ) ) );
			stubDirect.push( await readyCliOnce( STUB_CLI, childEnv( stubEnv, 60_000 ), i ) );
		}
		metrics.stub_ready_ttft_ms_p50 = round( p50( stubDirect ) );
		metrics.backend_stub_ttft_warm_ms_p50 = round( p50( stubWarm ) );
		metrics.backend_http_overhead_ms_p50 = round( p50( stubWarm ) - p50( stubDirect ) );
		Object.assign( metrics, hopMetrics( stubbed.traces, 'stub_hop' ) );

		// The floor: a plain reverse proxy in front of the mock, minus the mock called directly.
		const proxy = await startFloorProxy( mock.url );
		try {
			const headers = { 'x-api-key': 'sk-ant-mock', 'anthropic-version': '2023-06-01' };
			const viaMock: number[] = [];
			const viaProxy: number[] = [];
			for ( let i = 0; i < 40; i++ ) {
				viaMock.push( await timeToMarker( `${ mock.url }/v1/messages`, streamBody( `floor ${ i }` ), headers, 'text_delta' ) );
				viaProxy.push( await timeToMarker( `${ proxy.url }/v1/messages`, streamBody( `floor ${ i }` ), headers, 'text_delta' ) );
			}
			metrics.floor_proxy_overhead_ms_p50 = round( Math.max( 0.01, p50( viaProxy ) - p50( viaMock ) ) );
		} finally {
			await proxy.close();
		}
		metrics.backend_http_vs_floor_ratio = round( metrics.backend_http_overhead_ms_p50 / metrics.floor_proxy_overhead_ms_p50 );
		if ( process.env.AW_BENCH_ENGINES !== '0' ) {
			await otherEngines( mock, metrics, backends );
		}
		metrics.backend_http_minus_floor_ms_p50 = round( metrics.backend_http_overhead_ms_p50 - metrics.floor_proxy_overhead_ms_p50 );
		return metrics;
	} finally {
		await Promise.all( backends.map( ( b ) => b.stop() ) );
		agent.destroy();
		await mock.close();
		removeHomes();
	}
}

const GOALS: Record<string, string> = {
	backend_warm_vs_cold_ratio: '≤ 0.125',
	backend_overhead_ms_p50: '≤ 2',
	backend_vs_direct_rps_ratio: '≥ 4',
	backend_http_vs_floor_ratio: '≤ 2',
	backend_stream_usage_reported: '= 1',
};

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	const metrics = await run();
	const width = Math.max( ...Object.keys( metrics ).map( ( k ) => k.length ) );
	for ( const [ name, value ] of Object.entries( metrics ) ) {
		process.stdout.write( `${ name.padEnd( width ) }  ${ String( value ).padStart( 9 ) }  ${ GOALS[ name ] ?? '' }\n` );
	}
	process.stdout.write( `${ JSON.stringify( metrics ) }\n` );
}
