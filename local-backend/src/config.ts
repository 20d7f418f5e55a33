/**
 * Configuration from environment variables and same-named `--flags`, validated in one place.
 */

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

import { z } from 'zod';

/** Every setting: env name, short flag, default (as the env string) and what it is for. */
export const SETTINGS = {
	AW_BACKEND_HOST: { flag: 'host', default: '127.0.0.1', help: 'bind address; 0.0.0.0 (LAN) needs an API key' },
	AW_BACKEND_PORT: { flag: 'port', default: '8080', help: 'port' },
	AW_BACKEND_API_KEY: { flag: 'api-key', default: undefined, help: 'key required on /v1/*; generated into the key file when unset' },
	AW_BACKEND_KEY_FILE: { flag: 'key-file', default: '.api-key', help: 'where the generated key is kept (mode 600)' },
	AW_CLAUDE_BIN: { flag: 'claude-bin', default: 'claude', help: 'the Claude Code CLI to run' },
	AW_CODEX_BIN: { flag: 'codex-bin', default: 'codex', help: 'the OpenAI Codex CLI to run' },
	AW_CODEX_BASE_URL: { flag: 'codex-base-url', default: '', help: 'a Responses API base URL for codex (key from OPENAI_API_KEY); empty: its own login' },
	AW_GEMINI_BIN: { flag: 'gemini-bin', default: 'gemini', help: 'the Gemini CLI to run' },
	AW_BACKEND_ENGINES: { flag: 'engines', default: 'claude,codex,gemini', help: 'engines to look for at start (each optional; at least one must run)' },
	AW_BACKEND_TIERS: { flag: 'tiers', default: 'opus=claude:opus,sonnet=claude:sonnet,haiku=claude:haiku', help: 'model names that pick an engine and its model: name=engine:model,…' },
	AW_BACKEND_POOL: { flag: 'pool', default: '2', help: 'CLI processes kept ready' },
	AW_BACKEND_CONCURRENCY: { flag: 'concurrency', default: '4', help: 'requests running at once' },
	AW_BACKEND_QUEUE: { flag: 'queue', default: '16', help: 'requests waiting past the concurrency limit before 429' },
	AW_BACKEND_TIMEOUT_MS: { flag: 'timeout-ms', default: '300000', help: 'per request; the child is killed at the limit' },
	AW_BACKEND_STALL_MS: { flag: 'stall-ms', default: '120000', help: 'no output from the CLI for this long ends the request' },
	AW_BACKEND_BODY_LIMIT: { flag: 'body-limit', default: '10mb', help: 'largest request body' },
	AW_BACKEND_REUSE: { flag: 'reuse', default: 'auto', help: 'auto: a CLI process serves several requests when the start-up check passes; off: one process per request' },
	AW_BACKEND_REUSE_MAX_REQUESTS: { flag: 'reuse-max-requests', default: '100', help: 'a reused process is replaced after this many requests' },
	AW_BACKEND_REUSE_MAX_MINUTES: { flag: 'reuse-max-minutes', default: '30', help: 'a reused process is replaced this many minutes after it started' },
} as const;

export type SettingName = keyof typeof SETTINGS;

export const ENGINES = [ 'claude', 'codex', 'gemini' ] as const;
export type EngineName = ( typeof ENGINES )[ number ];

const TIER_ENTRY = new RegExp( `^[\\w.-]+=(${ ENGINES.join( '|' ) }):[\\w.:-]+$` );

/** `opus=claude:opus,fast=gemini:gemini-2.5-flash` → { opus: { engine: 'claude', model: 'opus' }, … }. */
export function parseTiers( value: string ): Record<string, { engine: EngineName; model: string }> {
	const tiers: Record<string, { engine: EngineName; model: string }> = {};
	for ( const entry of value.split( ',' ).map( ( e ) => e.trim() ).filter( Boolean ) ) {
		const [ name, target ] = entry.split( '=' ) as [ string, string ];
		const colon = target.indexOf( ':' );
		tiers[ name ] = { engine: target.slice( 0, colon ) as EngineName, model: target.slice( colon + 1 ) };
	}
	return tiers;
}

const integer = ( name: string, min: number, max: number ) =>
	z
		.string()
		.trim()
		.regex( /^\d+$/, `${ name } must be a whole number` )
		.transform( Number )
		.pipe( z.number().int().min( min, `${ name } must be at least ${ min }` ).max( max, `${ name } must be at most ${ max }` ) );

const schema = z.object( {
	AW_BACKEND_HOST: z
		.string()
		.trim()
		.refine( ( v ) => isIP( v ) !== 0 || v === 'localhost', 'AW_BACKEND_HOST must be an IP address such as 127.0.0.1 or 0.0.0.0' ),
	AW_BACKEND_PORT: integer( 'AW_BACKEND_PORT', 0, 65535 ),
	AW_BACKEND_API_KEY: z.string().optional(),
	AW_BACKEND_KEY_FILE: z.string().min( 1 ),
	AW_CLAUDE_BIN: z.string().min( 1, 'AW_CLAUDE_BIN must name the claude CLI' ),
	AW_CODEX_BIN: z.string().min( 1, 'AW_CODEX_BIN must name the codex CLI' ),
	AW_CODEX_BASE_URL: z.union( [ z.literal( '' ), z.url( 'AW_CODEX_BASE_URL must be a URL such as http://127.0.0.1:8090/v1' ) ] ),
	AW_GEMINI_BIN: z.string().min( 1, 'AW_GEMINI_BIN must name the gemini CLI' ),
	AW_BACKEND_ENGINES: z
		.string()
		.trim()
		.transform( ( v ) => v.split( ',' ).map( ( e ) => e.trim() ).filter( Boolean ) )
		.pipe( z.array( z.enum( ENGINES, `AW_BACKEND_ENGINES lists engines from: ${ ENGINES.join( ', ' ) }` ) ).min( 1, 'AW_BACKEND_ENGINES must name at least one engine' ) ),
	AW_BACKEND_TIERS: z
		.string()
		.trim()
		.refine(
			( v ) => v === '' || v.split( ',' ).every( ( entry ) => TIER_ENTRY.test( entry.trim() ) ),
			`AW_BACKEND_TIERS must look like opus=claude:opus,fast=gemini:gemini-2.5-flash (engines: ${ ENGINES.join( ', ' ) })`
		)
		.transform( parseTiers ),
	AW_BACKEND_POOL: integer( 'AW_BACKEND_POOL', 0, 32 ),
	AW_BACKEND_CONCURRENCY: integer( 'AW_BACKEND_CONCURRENCY', 1, 64 ),
	AW_BACKEND_QUEUE: integer( 'AW_BACKEND_QUEUE', 0, 10000 ),
	AW_BACKEND_TIMEOUT_MS: integer( 'AW_BACKEND_TIMEOUT_MS', 1000, 86_400_000 ),
	AW_BACKEND_STALL_MS: integer( 'AW_BACKEND_STALL_MS', 500, 86_400_000 ),
	AW_BACKEND_BODY_LIMIT: z
		.string()
		.trim()
		.regex( /^\d+(b|kb|mb)?$/i, 'AW_BACKEND_BODY_LIMIT must look like 512kb or 10mb' ),
	AW_BACKEND_REUSE: z.enum( [ 'auto', 'off' ], 'AW_BACKEND_REUSE must be auto or off' ),
	AW_BACKEND_REUSE_MAX_REQUESTS: integer( 'AW_BACKEND_REUSE_MAX_REQUESTS', 1, 100_000 ),
	AW_BACKEND_REUSE_MAX_MINUTES: integer( 'AW_BACKEND_REUSE_MAX_MINUTES', 1, 10_080 ),
} );

export interface Config {
	host: string;
	port: number;
	/** Empty string: no key (loopback only). */
	apiKey: string;
	/** Where the key came from, for the start banner. */
	apiKeySource: 'env' | 'file' | 'generated' | 'none';
	keyFile: string;
	claudeBin: string;
	codexBin: string;
	codexBaseUrl: string;
	geminiBin: string;
	engines: EngineName[];
	tiers: Record<string, { engine: EngineName; model: string }>;
	pool: number;
	concurrency: number;
	queue: number;
	timeoutMs: number;
	stallMs: number;
	bodyLimit: string;
	/** `bodyLimit` in bytes (kb and mb are 1024-based). */
	bodyLimitBytes: number;
	reuse: 'auto' | 'off';
	reuseMaxRequests: number;
	reuseMaxMinutes: number;
}

export class ConfigError extends Error {}

/** `--port 9000`, `--port=9000`, `--AW_BACKEND_PORT=9000` and `--aw-backend-port 9000` all set AW_BACKEND_PORT. */
export function parseFlags( argv: readonly string[] ): Partial<Record<SettingName, string>> {
	const byFlag = new Map<string, SettingName>();
	for ( const [ name, setting ] of Object.entries( SETTINGS ) as [ SettingName, ( typeof SETTINGS )[ SettingName ] ][] ) {
		byFlag.set( setting.flag, name );
		byFlag.set( name.toLowerCase(), name );
		byFlag.set( name.toLowerCase().replaceAll( '_', '-' ), name );
	}
	const out: Partial<Record<SettingName, string>> = {};
	for ( let i = 0; i < argv.length; i++ ) {
		const arg = argv[ i ] as string;
		if ( ! arg.startsWith( '--' ) ) {
			throw new ConfigError( `unexpected argument "${ arg }"; settings are --name value (see --help)` );
		}
		const eq = arg.indexOf( '=' );
		const key = ( eq === -1 ? arg.slice( 2 ) : arg.slice( 2, eq ) ).toLowerCase();
		const name = byFlag.get( key );
		if ( ! name ) {
			throw new ConfigError( `unknown option "--${ key }" (see --help)` );
		}
		let value: string | undefined;
		if ( eq !== -1 ) {
			value = arg.slice( eq + 1 );
		} else {
			value = argv[ ++i ];
			if ( value === undefined ) {
				throw new ConfigError( `--${ key } needs a value` );
			}
		}
		out[ name ] = value;
	}
	return out;
}

/** `512kb`, `10mb`, `2048` or `2048b` as bytes; kb and mb are 1024-based, like express's own limits. */
export function parseByteSize( value: string ): number {
	const match = /^(\d+)(b|kb|mb)?$/i.exec( value.trim() );
	if ( ! match ) {
		throw new ConfigError( `not a size: "${ value }"` );
	}
	const unit = ( match[ 2 ] ?? 'b' ).toLowerCase();
	return Number( match[ 1 ] ) * ( unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1 );
}

/** 127.0.0.0/8, ::1 or localhost; a name such as 127.0.0.1.example.com is not. */
export function isLoopback( host: string ): boolean {
	const name = host.toLowerCase();
	return name === 'localhost' || name === '::1' || ( isIP( name ) === 4 && name.startsWith( '127.' ) );
}

function resolveKey( raw: { AW_BACKEND_API_KEY?: string | undefined; AW_BACKEND_KEY_FILE: string } ): Pick<Config, 'apiKey' | 'apiKeySource' | 'keyFile'> {
	const keyFile = resolve( raw.AW_BACKEND_KEY_FILE );
	if ( raw.AW_BACKEND_API_KEY !== undefined ) {
		const apiKey = raw.AW_BACKEND_API_KEY.trim();
		return { apiKey, apiKeySource: apiKey === '' ? 'none' : 'env', keyFile };
	}
	if ( existsSync( keyFile ) ) {
		const apiKey = readFileSync( keyFile, 'utf8' ).trim();
		if ( apiKey !== '' ) {
			return { apiKey, apiKeySource: 'file', keyFile };
		}
	}
	const apiKey = `awlb-${ randomBytes( 24 ).toString( 'base64url' ) }`;
	writeFileSync( keyFile, `${ apiKey }\n`, { mode: 0o600 } );
	chmodSync( keyFile, 0o600 );
	return { apiKey, apiKeySource: 'generated', keyFile };
}

/** Reads env then flags (flags win); throws ConfigError with one line per bad value. */
export function loadConfig( env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = [] ): Config {
	const flags = parseFlags( argv );
	const raw: Record<string, string | undefined> = {};
	for ( const [ name, setting ] of Object.entries( SETTINGS ) as [ SettingName, ( typeof SETTINGS )[ SettingName ] ][] ) {
		raw[ name ] = flags[ name ] ?? env[ name ] ?? setting.default;
	}
	const parsed = schema.safeParse( raw );
	if ( ! parsed.success ) {
		const lines = parsed.error.issues.map( ( issue ) => {
			const name = String( issue.path[ 0 ] ?? '' );
			return `  ${ name }=${ JSON.stringify( raw[ name ] ?? '' ) }: ${ issue.message }`;
		} );
		throw new ConfigError( `invalid configuration:\n${ lines.join( '\n' ) }` );
	}
	const v = parsed.data;
	const key = resolveKey( v );
	if ( key.apiKey === '' && ! isLoopback( v.AW_BACKEND_HOST ) ) {
		throw new ConfigError(
			`refusing to listen on ${ v.AW_BACKEND_HOST } without an API key: anyone on the network could use your Claude account. Unset AW_BACKEND_API_KEY to have one generated, or set one.`
		);
	}
	return {
		host: v.AW_BACKEND_HOST,
		port: v.AW_BACKEND_PORT,
		...key,
		claudeBin: v.AW_CLAUDE_BIN,
		codexBin: v.AW_CODEX_BIN,
		codexBaseUrl: v.AW_CODEX_BASE_URL,
		geminiBin: v.AW_GEMINI_BIN,
		engines: v.AW_BACKEND_ENGINES,
		tiers: v.AW_BACKEND_TIERS,
		pool: v.AW_BACKEND_POOL,
		concurrency: v.AW_BACKEND_CONCURRENCY,
		queue: v.AW_BACKEND_QUEUE,
		timeoutMs: v.AW_BACKEND_TIMEOUT_MS,
		stallMs: v.AW_BACKEND_STALL_MS,
		bodyLimit: v.AW_BACKEND_BODY_LIMIT,
		bodyLimitBytes: parseByteSize( v.AW_BACKEND_BODY_LIMIT ),
		reuse: v.AW_BACKEND_REUSE,
		reuseMaxRequests: v.AW_BACKEND_REUSE_MAX_REQUESTS,
		reuseMaxMinutes: v.AW_BACKEND_REUSE_MAX_MINUTES,
	};
}

export function helpText(): string {
	const rows = ( Object.entries( SETTINGS ) as [ SettingName, ( typeof SETTINGS )[ SettingName ] ][] ).map(
		( [ name, s ] ) => `  --${ s.flag.padEnd( 12 ) } ${ name.padEnd( 24 ) } ${ ( s.default ?? '(generated)' ).padEnd( 10 ) } ${ s.help }`
	);
	return `Agentic Writer local backend: the Claude Code CLI as an Anthropic/OpenAI-compatible server.\n\nUsage: node server.js [--flag value ...]   (each flag may also be set as its environment variable)\n\n${ rows.join( '\n' ) }\n`;
}
