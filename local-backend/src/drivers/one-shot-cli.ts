/**
 * What the `codex` and `gemini` drivers share: a CLI that answers one prompt per process and
 * exits. Both read the prompt before doing their start-up work (measured: `codex exec` 0.171
 * prints nothing until stdin closes, then takes its full start-up), so a process spawned ahead
 * would save nothing: each request spawns its own, and no process ever serves two requests.
 * Each process gets a sterile HOME of its own (only the login copied in, see `prepareHome`), so
 * nothing of the author's setup (MCP servers, hooks, instructions, memories, history) is read,
 * and nothing one request leaves behind reaches another.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';

import { CliProcess } from './run-cli.ts';
import { type CostKind, type Driver, type DriverEvent, DriverError, type DriverStatus, type GenerateRequest, type ModelInfo, noLineError, type PoolStats, type Usage } from './types.ts';

export interface OneShotOptions {
	bin: string;
	timeoutMs: number;
	stallMs: number;
	env?: NodeJS.ProcessEnv;
}

/** One stdout line in, driver events out; throws DriverError when the CLI reports a failure. */
export interface LineTranslator {
	readonly finished: boolean;
	feed( line: string ): DriverEvent[];
	/** The error to report when the CLI exited without finishing (its last error line, if any). */
	exitError(): DriverError | undefined;
}

/** What the codex and gemini translators share: one start event, the last error line kept for an exit without a result. */
export abstract class OneShotTranslator implements LineTranslator {
	finished = false;
	protected lastError = '';
	private started = false;

	constructor(
		protected readonly model: string,
		protected readonly costKind: CostKind,
		private readonly engine: string,
		private readonly loginHint: string
	) {}

	abstract feed( line: string ): DriverEvent[];

	exitError(): DriverError | undefined {
		return this.lastError ? this.error( this.lastError ) : undefined;
	}

	protected error( text: string ): DriverError {
		return errorFromMessage( this.engine, this.loginHint, text );
	}

	protected start( model = this.model ): DriverEvent[] {
		if ( this.started ) {
			return [];
		}
		this.started = true;
		return [ { type: 'start', id: `msg_${ this.engine }_${ Date.now().toString( 36 ) }${ Math.random().toString( 36 ).slice( 2, 10 ) }`, model, usage: ZERO_USAGE } ];
	}
}

export const ZERO_USAGE: Usage = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

export function parseLine( line: string ): Record<string, unknown> | undefined {
	try {
		const value = JSON.parse( line ) as unknown;
		return value !== null && typeof value === 'object' ? ( value as Record<string, unknown> ) : undefined;
	} catch {
		return undefined; // A warning printed to stdout is not output.
	}
}

/** An upstream failure as the CLI words it, as a typed error a person can act on. */
export function errorFromMessage( engine: string, loginHint: string, text: string ): DriverError {
	const detail = text.trim() || `the ${ engine } CLI failed without a message`;
	if ( /\b401\b|\b403\b|unauthori[sz]ed|unauthenticated|invalid api key|api key not valid|not logged in|login/i.test( detail ) ) {
		return new DriverError( 'authentication', `${ engine } is not logged in on this machine (${ loginHint }). CLI said: ${ detail }` );
	}
	if ( /\b429\b|rate limit|quota|resource_exhausted|too many requests/i.test( detail ) ) {
		return new DriverError( 'rate_limit', `${ engine }'s upstream is rate limiting this machine; wait and retry. CLI said: ${ detail }` );
	}
	if ( /\b529\b|\b503\b|overloaded|unavailable/i.test( detail ) ) {
		return new DriverError( 'overloaded', `${ engine }'s upstream is overloaded; retry in a moment. CLI said: ${ detail }` );
	}
	if ( /timed out|timeout/i.test( detail ) ) {
		return new DriverError( 'timeout', `${ engine }'s upstream did not answer in time. CLI said: ${ detail }` );
	}
	if ( /\b404\b|not found|does not exist/i.test( detail ) ) {
		return new DriverError( 'not_found', `${ engine }'s upstream does not know this model. CLI said: ${ detail }` );
	}
	return new DriverError( 'upstream', `the ${ engine } CLI failed. CLI said: ${ detail }` );
}

export abstract class OneShotDriver implements Driver {
	abstract readonly name: string;
	protected readonly env: NodeJS.ProcessEnv;
	private readonly running = new Set<CliProcess>();
	private probe: DriverStatus | undefined;
	private served = 0;

	constructor( protected readonly options: OneShotOptions ) {
		this.env = { ...( options.env ?? process.env ) };
	}

	abstract models(): ModelInfo[];
	abstract resolveModel( model: string ): string | undefined;
	/** How to install or log in, for messages. */
	protected abstract readonly loginHint: string;
	/** Writes the system prompt, settings and copied login into `home`; returns argv and env. */
	protected abstract prepareHome( home: string, request: GenerateRequest ): { args: string[]; env: NodeJS.ProcessEnv };
	protected abstract translator( request: GenerateRequest ): LineTranslator;
	protected abstract costKind(): CostKind;

	async start(): Promise<void> {
		const version = await execa( this.options.bin, [ '--version' ], { env: this.env, extendEnv: false, reject: false, timeout: 20_000, stdin: 'ignore' } );
		const text = String( version.stdout ?? '' ).trim();
		const found = version.exitCode === 0 ? /\d+\.\d+\.\d+[\w.-]*/.exec( text )?.[ 0 ] ?? null : null;
		this.probe = {
			name: this.name,
			path: found ? this.options.bin : null,
			version: found,
			ready: found !== null,
			logged_in: null,
			auth_method: null,
			...( found ? {} : { error: `${ this.name } CLI not runnable as "${ this.options.bin }": ${ this.loginHint }` } ),
			reuse: { mechanism: 'none', check: 'off', detail: `the ${ this.name } CLI answers one prompt per process: every request gets its own`, ms: 0, max_requests: 1, max_minutes: 0 },
		};
	}

	status(): DriverStatus {
		return this.probe ?? { name: this.name, path: null, version: null, ready: false, logged_in: null, auth_method: null, error: 'not probed yet' };
	}

	poolStats(): PoolStats {
		return { size: 0, ready: 0, starting: 0, lent: 0, served_warm: 0, served_cold: this.served, served_reused: 0, recycled: 0 };
	}

	async close(): Promise<void> {
		await Promise.all( [ ...this.running ].map( ( p ) => p.kill() ) );
	}

	async *generate( request: GenerateRequest ): AsyncGenerator<DriverEvent, void, undefined> {
		const home = mkdtempSync( join( tmpdir(), `aw-${ this.name }-home-` ) );
		const { args, env } = this.prepareHome( home, request );
		const cli = new CliProcess( { bin: this.options.bin, args, env } );
		this.served++;
		request.trace?.mark( 'pool_take' );
		this.running.add( cli );
		const deadline = AbortSignal.timeout( this.options.timeoutMs );
		const signal = AbortSignal.any( [ request.signal, deadline ] );
		try {
			// The prompt on stdin (argv is capped at 128 KiB); closing it starts the turn.
			cli.child.stdin.end( request.prompt );
			request.trace?.mark( 'stdin_write' );
			const translator = this.translator( request );
			for ( ;; ) {
				const stallMs = Math.max( this.options.stallMs, 30_000 );
				const next = await cli.nextLine( stallMs, signal );
				if ( next.kind === 'line' ) {
					request.trace?.mark( 'first_stdout_line' );
					const events = translator.feed( next.line );
					yield* events;
					if ( translator.finished ) {
						return;
					}
					continue;
				}
				const stopped = noLineError( next.kind, this.name, deadline, this.options.timeoutMs, stallMs );
				if ( stopped ) {
					throw stopped;
				}
				await cli.exited;
				throw this.exitError( cli, translator );
			}
		} finally {
			await cli.kill();
			this.running.delete( cli );
			rmSync( home, { recursive: true, force: true } );
		}
	}

	private exitError( cli: CliProcess, translator: LineTranslator ): DriverError {
		if ( cli.spawnError ) {
			return new DriverError( 'unavailable', `the ${ this.name } CLI could not be started from "${ this.options.bin }" (${ cli.spawnError }): ${ this.loginHint }` );
		}
		return translator.exitError() ?? new DriverError( 'api', `the ${ this.name } CLI exited with code ${ cli.exitCode ?? 'unknown' } before answering${ cli.stderr ? `: ${ cli.stderr.split( '\n' ).slice( -3 ).join( ' ' ) }` : '' }` );
	}
}
