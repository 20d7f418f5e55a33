/**
 * The Claude Code CLI driver: a CLI process per request from the warm pool (cold when none
 * waits), reused for later requests with the same model and system prompt when the start-up
 * check passed (claude-reuse-check.ts), locked down to text generation (see LOCKDOWN_ARGS), no
 * session persistence, system prompt through the stream-json `initialize` request (argv is
 * capped at 128 KiB), the conversation on stdin as plain text (see asPlainText).
 */

import { isIP } from 'node:net';

import { execa } from 'execa';

import { WarmPool } from '../pool.ts';
import { childEnv } from './claude-args.ts';
import { ClaudeProcess } from './claude-process.ts';
import { type ReuseCheck, reuseCheckFor } from './claude-reuse-check.ts';
import { StreamJsonTranslator } from './claude-stream.ts';
import type { CliProcess } from './run-cli.ts';
import { type CostKind, type Driver, type DriverEvent, DriverError, type DriverStatus, type GenerateRequest, type ModelInfo, noLineError, type PoolStats } from './types.ts';

export interface ClaudeDriverOptions {
	bin: string;
	poolSize: number;
	timeoutMs: number;
	stallMs: number;
	/** The environment children inherit (default: this process's). */
	env?: NodeJS.ProcessEnv;
	/** Model the pool is filled for before any request says otherwise. */
	defaultModel?: string;
	/** `auto`: reuse processes when the start-up check passes; `off`: one process per request. */
	reuse?: 'auto' | 'off';
	/** A reused process ends after this many requests… */
	reuseMaxRequests?: number;
	/** …or this many minutes after it started, whichever comes first. */
	reuseMaxMinutes?: number;
}

export { asPlainText, childEnv, cliArgs, LOCKDOWN_ARGS } from './claude-args.ts';
export type { ReuseCheck };

const ALIASES: ModelInfo[] = [
	{ id: 'opus', display_name: 'Claude Opus (latest, alias)', alias_of: 'claude-opus-4-8' },
	{ id: 'sonnet', display_name: 'Claude Sonnet (latest, alias)', alias_of: 'claude-sonnet-5' },
	{ id: 'haiku', display_name: 'Claude Haiku (latest, alias)', alias_of: 'claude-haiku-4-5-20251001' },
];

// Full ids the pinned CLI (2.1.197) knows; it sends these upstream unchanged.
const FULL_IDS: [ string, string ][] = [
	[ 'claude-opus-4-8', 'Claude Opus 4.8' ],
	[ 'claude-opus-4-7', 'Claude Opus 4.7' ],
	[ 'claude-opus-4-6', 'Claude Opus 4.6' ],
	[ 'claude-opus-4-5', 'Claude Opus 4.5' ],
	[ 'claude-opus-4-5-20251101', 'Claude Opus 4.5 (2025-11-01)' ],
	[ 'claude-opus-4-1', 'Claude Opus 4.1' ],
	[ 'claude-opus-4-1-20250805', 'Claude Opus 4.1 (2025-08-05)' ],
	[ 'claude-opus-4-0', 'Claude Opus 4' ],
	[ 'claude-opus-4-20250514', 'Claude Opus 4 (2025-05-14)' ],
	[ 'claude-sonnet-5', 'Claude Sonnet 5' ],
	[ 'claude-sonnet-4-6', 'Claude Sonnet 4.6' ],
	[ 'claude-sonnet-4-5', 'Claude Sonnet 4.5' ],
	[ 'claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5 (2025-09-29)' ],
	[ 'claude-sonnet-4-0', 'Claude Sonnet 4' ],
	[ 'claude-sonnet-4-20250514', 'Claude Sonnet 4 (2025-05-14)' ],
	[ 'claude-haiku-4-5', 'Claude Haiku 4.5' ],
	[ 'claude-haiku-4-5-20251001', 'Claude Haiku 4.5 (2025-10-01)' ],
];

export const CLAUDE_MODELS: ModelInfo[] = [ ...ALIASES, ...FULL_IDS.map( ( [ id, display_name ] ) => ( { id, display_name } ) ) ];

const STARTUP_ALLOWANCE_MS = 30_000;

/** Loopback, private and link-local hosts: an upstream there is not billed. */
export function isLocalUpstream( baseUrl: string | undefined ): boolean {
	if ( ! baseUrl ) {
		return false;
	}
	let host: string;
	try {
		host = new URL( baseUrl ).hostname.replace( /^\[|\]$/g, '' );
	} catch {
		return false;
	}
	if ( host === 'localhost' || host.endsWith( '.local' ) || host.endsWith( '.localhost' ) ) {
		return true;
	}
	if ( isIP( host ) === 4 ) {
		return /^(127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.)/.test( host );
	}
	return host === '::1' || /^f[cd]/i.test( host ) || /^fe80:/i.test( host );
}

export class ClaudeDriver implements Driver {
	readonly name = 'claude';
	private readonly env: NodeJS.ProcessEnv;
	private readonly pool: WarmPool<ClaudeProcess>;
	private readonly running = new Set<ClaudeProcess>();
	private probe: DriverStatus;
	private probeTimer: NodeJS.Timeout | undefined;
	private reuse: ReuseCheck = { mechanism: 'none', check: 'off', detail: 'not checked yet', ms: 0 };

	constructor( private readonly options: ClaudeDriverOptions ) {
		this.env = childEnv( options.env ?? process.env, options.timeoutMs );
		this.pool = new WarmPool( options.poolSize, ( key ) => this.spawn( key ), options.defaultModel ?? 'sonnet' );
		this.probe = { name: this.name, path: null, version: null, ready: false, logged_in: null, auth_method: null };
	}

	models(): ModelInfo[] {
		return CLAUDE_MODELS;
	}

	resolveModel( model: string ): string | undefined {
		return CLAUDE_MODELS.some( ( m ) => m.id === model ) ? model : undefined;
	}

	async start(): Promise<void> {
		const [ , reuse ] = await Promise.all( [
			this.refreshStatus(),
			this.options.reuse === 'off'
				? Promise.resolve<ReuseCheck>( { mechanism: 'none', check: 'off', detail: 'AW_BACKEND_REUSE=off: every request gets its own CLI process', ms: 0 } )
				: reuseCheckFor( this.options.bin, this.env ),
		] );
		this.reuse = reuse;
		this.pool.start();
		// Login state can change while we run (the user runs /login); keep /ping honest and cheap
		// (`claude auth status` costs about half a CPU-second). An authentication failure re-checks at once.
		this.probeTimer = setInterval( () => void this.refreshStatus(), 300_000 );
		this.probeTimer.unref();
	}

	status(): DriverStatus {
		// Ready: the CLI runs and is not known to be logged out. Pool figures are reported apart.
		return {
			...this.probe,
			ready: this.probe.version !== null && this.probe.logged_in !== false,
			reuse: { ...this.reuse, max_requests: this.maxRequests, max_minutes: this.maxMinutes },
		};
	}

	poolStats(): PoolStats {
		return this.pool.stats();
	}

	async close(): Promise<void> {
		clearInterval( this.probeTimer );
		await this.pool.close();
		await Promise.all( [ ...this.running ].map( ( p ) => p.kill() ) );
	}

	costKind( apiKeySource: string | undefined ): CostKind {
		if ( isLocalUpstream( this.env.ANTHROPIC_BASE_URL ) ) {
			return 'local';
		}
		return apiKeySource && apiKeySource !== 'none' ? 'metered' : 'subscription';
	}

	private get maxRequests(): number {
		return this.options.reuseMaxRequests ?? 100;
	}

	private get maxMinutes(): number {
		return this.options.reuseMaxMinutes ?? 30;
	}

	/** A pooled process for this model and system prompt whose last `/clear` went through, or a cold one. */
	private async acquire( request: GenerateRequest ): Promise<ClaudeProcess> {
		const warm = this.pool.take( request.model, request.system );
		if ( warm && ( await warm.settled() ) ) {
			return warm;
		}
		if ( warm ) {
			// A clear that did not clear: this CLI cannot be trusted to reuse any more.
			this.pool.discard( warm );
			this.reuse = { ...this.reuse, mechanism: 'none', check: 'failed', detail: 'a /clear between requests did not clear at run time; every request now gets its own CLI process' };
		}
		return this.spawn( request.model );
	}

	async *generate( request: GenerateRequest ): AsyncGenerator<DriverEvent, void, undefined> {
		const cli = await this.acquire( request );
		request.trace?.mark( 'pool_take' );
		this.running.add( cli );
		const deadline = AbortSignal.timeout( this.options.timeoutMs );
		const signal = AbortSignal.any( [ request.signal, deadline ] );
		let completed = false;
		try {
			cli.begin( request.system, request.prompt );
			request.trace?.mark( 'stdin_write' );
			// stdin stays open: a CLI still starting up exits on EOF before reading the turn.
			const translator = new StreamJsonTranslator( ( source ) => this.costKind( source ), { costBase: cli.costSoFar, reused: cli.served > 1 } );
			let heard = false;
			for ( ;; ) {
				// A cold CLI on a busy machine takes seconds to print its first line; that is not a stall.
				const next = await cli.process.nextLine( heard ? this.options.stallMs : Math.max( this.options.stallMs, STARTUP_ALLOWANCE_MS ), signal );
				if ( next.kind === 'line' ) {
					heard = true;
					request.trace?.mark( 'first_stdout_line' );
					const events = translator.feed( next.line );
					if ( request.trace && events.some( ( e ) => e.type === 'text' ) ) {
						request.trace.mark( 'first_text_line' );
					}
					if ( translator.finished ) {
						cli.costSoFar = translator.totalCostUsd ?? cli.costSoFar;
						completed = true;
					}
					yield* events;
					if ( completed ) {
						return;
					}
					continue;
				}
				const stopped = noLineError( next.kind, 'claude', deadline, this.options.timeoutMs, this.options.stallMs );
				if ( stopped ) {
					throw stopped;
				}
				await cli.exited;
				throw this.exitError( cli.process );
			}
		} catch ( error ) {
			if ( error instanceof DriverError && error.kind === 'authentication' ) {
				void this.refreshStatus();
			}
			throw error;
		} finally {
			this.running.delete( cli );
			await this.release( cli, completed && ! request.signal.aborted );
		}
	}

	/**
	 * After a request: a reusable process that finished cleanly is cleared and waits again; any
	 * other (failed, aborted mid-stream, at its request or age limit) is killed and replaced, so
	 * nothing half-done can reach the next request.
	 */
	private async release( cli: ClaudeProcess, clean: boolean ): Promise<void> {
		const worn = cli.served >= this.maxRequests || cli.ageMinutes >= this.maxMinutes;
		if ( clean && cli.reusable && this.reuse.mechanism === 'clear' && ! worn && cli.alive ) {
			cli.clear();
			this.pool.giveBack( cli );
			return;
		}
		this.pool.discard( cli, clean && worn );
		await cli.kill();
		this.pool.refillNow();
	}

	private exitError( cli: CliProcess ): DriverError {
		if ( cli.spawnError ) {
			return new DriverError(
				'unavailable',
				`the claude CLI could not be started from "${ this.options.bin }" (${ cli.spawnError }): install it (npm install -g @anthropic-ai/claude-code) or set AW_CLAUDE_BIN to its path`
			);
		}
		const stderr = cli.stderr ? `: ${ cli.stderr.split( '\n' ).slice( -3 ).join( ' ' ) }` : '';
		return new DriverError( 'api', `the claude CLI exited with code ${ cli.exitCode ?? 'unknown' } before answering${ stderr }` );
	}

	private spawn( key: string ): ClaudeProcess {
		return new ClaudeProcess( key, this.options.bin, this.env, this.reuse.mechanism === 'clear', () => this.pool.markHealthy() );
	}

	private async refreshStatus(): Promise<void> {
		const run = ( args: string[] ) =>
			execa( this.options.bin, args, { env: this.env, extendEnv: false, reject: false, timeout: 15_000, stdin: 'ignore', cwd: process.cwd() } );
		const version = await run( [ '--version' ] );
		if ( version.failed && version.exitCode !== 0 ) {
			this.probe = {
				...this.probe,
				path: null,
				version: null,
				error: `claude CLI not runnable as "${ this.options.bin }": install it (npm install -g @anthropic-ai/claude-code) or set AW_CLAUDE_BIN`,
			};
			return;
		}
		const auth = await run( [ 'auth', 'status', '--json' ] );
		let loggedIn: boolean | null = null;
		let method: string | null = null;
		try {
			const parsed = JSON.parse( String( auth.stdout ) ) as { loggedIn?: unknown; authMethod?: unknown };
			loggedIn = typeof parsed.loggedIn === 'boolean' ? parsed.loggedIn : null;
			method = typeof parsed.authMethod === 'string' ? parsed.authMethod : null;
		} catch {
			// Older CLIs have no `auth status`: login state stays unknown.
		}
		this.probe = {
			name: this.name,
			path: await resolveOnPath( this.options.bin, this.env ),
			version: String( version.stdout ).trim().split( /\s/ )[ 0 ] || null,
			ready: true,
			logged_in: loggedIn,
			auth_method: method,
		};
	}
}

async function resolveOnPath( bin: string, env: NodeJS.ProcessEnv ): Promise<string | null> {
	if ( bin.includes( '/' ) ) {
		return bin;
	}
	const { access, constants } = await import( 'node:fs/promises' );
	for ( const dir of ( env.PATH ?? '' ).split( ':' ) ) {
		const candidate = `${ dir || '.' }/${ bin }`;
		try {
			await access( candidate, constants.X_OK );
			return candidate;
		} catch {
			// Next PATH entry.
		}
	}
	return null;
}
