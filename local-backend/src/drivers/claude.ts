/**
 * The Claude Code CLI driver: one CLI process per request (warm from the pool when one is
 * waiting), locked down to text generation (see LOCKDOWN_ARGS), no session persistence, system
 * prompt through the stream-json `initialize` request (argv is capped at 128 KiB), the
 * conversation on stdin as plain text (see asPlainText).
 */

import { isIP } from 'node:net';

import { execa } from 'execa';

import { WarmPool } from '../pool.ts';
import { StreamJsonTranslator } from './claude-stream.ts';
import { CliProcess } from './run-cli.ts';
import { type CostKind, type Driver, type DriverEvent, DriverError, type DriverStatus, type GenerateRequest, type ModelInfo, type PoolStats } from './types.ts';

export interface ClaudeDriverOptions {
	bin: string;
	poolSize: number;
	timeoutMs: number;
	stallMs: number;
	/** The environment children inherit (default: this process's). */
	env?: NodeJS.ProcessEnv;
	/** Model the pool is filled for before any request says otherwise. */
	defaultModel?: string;
}

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

const READY_PROBE_ID = 'aw-ready';
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

/**
 * Child environment: inherited, plus what makes a request bounded and thinking-free unless the
 * user chose otherwise. `CLAUDE_CODE_DISABLE_ATTACHMENTS` is forced: without it an `@path` in the
 * prompt makes the CLI read that file (even with tools off and in safe mode) and send it upstream.
 */
export function childEnv( base: NodeJS.ProcessEnv, timeoutMs: number ): NodeJS.ProcessEnv {
	return {
		...base,
		CLAUDE_CODE_MAX_RETRIES: base.CLAUDE_CODE_MAX_RETRIES ?? '0',
		MAX_THINKING_TOKENS: base.MAX_THINKING_TOKENS ?? '0',
		CLAUDE_CODE_DISABLE_THINKING: base.CLAUDE_CODE_DISABLE_THINKING ?? '1',
		API_TIMEOUT_MS: base.API_TIMEOUT_MS ?? String( timeoutMs ),
		DISABLE_AUTOUPDATER: base.DISABLE_AUTOUPDATER ?? '1',
		CLAUDE_CODE_DISABLE_ATTACHMENTS: '1',
	};
}

/**
 * Nothing of the author's own Claude Code setup may run for a request (measured with the pinned
 * 2.1.197 and a HOME holding all of it, see test/lockdown.test.ts):
 * - `--safe-mode`: no CLAUDE.md, skills, plugins, hooks, MCP servers, custom commands, agents or
 *   output styles. Not `--bare`, which would also refuse the author's claude.ai login (OAuth).
 * - `--strict-mcp-config` with an empty `--mcp-config`: no MCP server from any source.
 * - `--setting-sources ""`: no user, project or local settings file (hooks, env, permission rules).
 * - `--disable-slash-commands`: a `/command` that got through would be refused, not run.
 * - `--permission-mode dontAsk`: nothing is ever asked; what is not pre-approved is denied.
 * - `--tools ""`: no built-in tool.
 */
export const LOCKDOWN_ARGS: readonly string[] = [
	'--safe-mode',
	'--strict-mcp-config',
	'--mcp-config', '{"mcpServers":{}}',
	'--setting-sources', '',
	'--disable-slash-commands',
	'--permission-mode', 'dontAsk',
	'--tools', '',
];

export function cliArgs( model: string ): string[] {
	return [
		'-p',
		'--input-format', 'stream-json',
		'--output-format', 'stream-json',
		'--verbose',
		'--include-partial-messages',
		...LOCKDOWN_ARGS,
		'--no-session-persistence',
		'--model', model,
	];
}

/**
 * The CLI takes a user message that starts with `/` as a command (with slash commands off it
 * answers "isn't available" instead of asking the model). One leading space makes it text and
 * is all the model sees of the change; any other prompt goes through exactly as written.
 */
export function asPlainText( prompt: string ): string {
	return prompt.startsWith( '/' ) ? ` ${ prompt }` : prompt;
}

/** A spawned CLI waiting on stdin; `ready` once it has answered a version probe. */
export class WarmCli {
	ready = false;
	readonly process: CliProcess;

	constructor(
		readonly key: string,
		bin: string,
		env: NodeJS.ProcessEnv,
		onReady: () => void
	) {
		this.process = new CliProcess( { bin, args: cliArgs( key ), env } );
		this.process.setLineHook( ( line ) => {
			if ( ! this.ready && line.includes( READY_PROBE_ID ) && line.includes( 'control_response' ) ) {
				this.ready = true;
				onReady();
				return true;
			}
			return false;
		} );
		this.process.send( { type: 'control_request', request_id: READY_PROBE_ID, request: { subtype: 'get_binary_version' } } );
	}

	get alive(): boolean {
		return this.process.alive;
	}

	get exited(): Promise<void> {
		return this.process.exited;
	}

	kill(): Promise<void> {
		return this.process.kill();
	}
}

export class ClaudeDriver implements Driver {
	readonly name = 'claude';
	private readonly env: NodeJS.ProcessEnv;
	private readonly pool: WarmPool<WarmCli>;
	private readonly running = new Set<CliProcess>();
	private probe: DriverStatus;
	private probeTimer: NodeJS.Timeout | undefined;

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
		await this.refreshStatus();
		this.pool.start();
		// Login state can change while we run (the user runs /login); keep /ping honest and cheap
		// (`claude auth status` costs about half a CPU-second). An authentication failure re-checks at once.
		this.probeTimer = setInterval( () => void this.refreshStatus(), 300_000 );
		this.probeTimer.unref();
	}

	status(): DriverStatus {
		// Ready: the CLI runs and is not known to be logged out. Pool figures are reported apart.
		return { ...this.probe, ready: this.probe.version !== null && this.probe.logged_in !== false };
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

	async *generate( request: GenerateRequest ): AsyncGenerator<DriverEvent, void, undefined> {
		const warm = this.pool.take( request.model );
		const cli = warm?.process ?? new CliProcess( { bin: this.options.bin, args: cliArgs( request.model ), env: this.env } );
		warm?.process.setLineHook( undefined );
		this.running.add( cli );
		const deadline = AbortSignal.timeout( this.options.timeoutMs );
		const signal = AbortSignal.any( [ request.signal, deadline ] );
		try {
			cli.send(
				{ type: 'control_request', request_id: 'aw-init', request: { subtype: 'initialize', systemPrompt: request.system } },
				{ type: 'user', message: { role: 'user', content: asPlainText( request.prompt ) }, parent_tool_use_id: null, session_id: '' }
			);
			// stdin stays open: a CLI still starting up exits on EOF before reading the turn.
			const translator = new StreamJsonTranslator( ( source ) => this.costKind( source ) );
			let heard = false;
			for ( ;; ) {
				// A cold CLI on a busy machine takes seconds to print its first line; that is not a stall.
				const next = await cli.nextLine( heard ? this.options.stallMs : Math.max( this.options.stallMs, STARTUP_ALLOWANCE_MS ), signal );
				if ( next.kind === 'line' ) {
					heard = true;
					yield* translator.feed( next.line );
					if ( translator.finished ) {
						return;
					}
					continue;
				}
				if ( next.kind === 'aborted' ) {
					if ( deadline.aborted ) {
						throw new DriverError( 'timeout', `the request took longer than AW_BACKEND_TIMEOUT_MS (${ this.options.timeoutMs } ms) and was stopped` );
					}
					throw new DriverError( 'api', 'request aborted' );
				}
				if ( next.kind === 'stall' ) {
					throw new DriverError( 'timeout', `the claude CLI produced no output for ${ this.options.stallMs } ms (upstream hung or stalled); the request was stopped` );
				}
				await cli.exited;
				throw this.exitError( cli );
			}
		} catch ( error ) {
			if ( error instanceof DriverError && error.kind === 'authentication' ) {
				void this.refreshStatus();
			}
			throw error;
		} finally {
			// Taken once, never reused: the process ends with its request. (Locked down, the CLI
			// cannot be cleared for another request: `/clear` is refused and clears nothing.)
			// It stays in `running` until it has exited, so close() waits for it too.
			await cli.kill();
			this.running.delete( cli );
			this.pool.refillNow();
		}
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

	private spawn( key: string ): WarmCli {
		return new WarmCli( key, this.options.bin, this.env, () => this.pool.markHealthy() );
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
