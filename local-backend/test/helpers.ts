/**
 * Shared test setup: the mock upstream, an offline environment for the real pinned CLI, a
 * backend on port 0, and a process census so tests can prove no child outlives its request.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startMockUpstream, type MockUpstream } from '../../tests/mocks/upstream/index.ts';
import { loadConfig } from '../src/config.ts';
import { type RunningBackend, startBackend } from '../src/index.ts';

export const HERE = dirname( fileURLToPath( import.meta.url ) );
export const BACKEND_DIR = resolve( HERE, '..' );
export const REPO_ROOT = resolve( BACKEND_DIR, '..' );
export const CLAUDE_BIN = join( REPO_ROOT, 'node_modules', '.bin', 'claude' );
export const STUB_CLI = join( HERE, 'fixtures', 'stub-claude.mjs' );
export const KEY = 'test-backend-key';

export { startMockUpstream, type MockUpstream };

const homes: string[] = [];

/** What the real CLI needs to run offline against `upstreamUrl`, with a throwaway HOME. */
export function offlineCliEnv( upstreamUrl: string, extra: NodeJS.ProcessEnv = {} ): NodeJS.ProcessEnv {
	const home = mkdtempSync( join( tmpdir(), 'aw-lb-home-' ) );
	homes.push( home );
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		LANG: 'C.UTF-8',
		TMPDIR: tmpdir(),
		HOME: home,
		ANTHROPIC_BASE_URL: upstreamUrl,
		ANTHROPIC_API_KEY: 'sk-ant-mock',
		CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
		DISABLE_TELEMETRY: '1',
		DISABLE_AUTOUPDATER: '1',
		DISABLE_ERROR_REPORTING: '1',
		...extra,
	};
	return env;
}

export function removeHomes(): void {
	for ( const home of homes.splice( 0 ) ) {
		rmSync( home, { recursive: true, force: true } );
	}
}

export interface TestBackendOptions {
	pool?: number;
	concurrency?: number;
	queue?: number;
	stallMs?: number;
	timeoutMs?: number;
	bodyLimit?: string;
	bin?: string;
	env?: NodeJS.ProcessEnv;
	keepAliveMs?: number;
	/** Bind address (default 127.0.0.1). */
	host?: string;
	headersTimeoutMs?: number;
	requestTimeoutMs?: number;
	reuse?: 'auto' | 'off';
	reuseMaxRequests?: number;
	/** Engines to look for (default: claude only, whatever else is on PATH, as these tests are about it). */
	engines?: string;
}

export async function startTestBackend( upstreamUrl: string, options: TestBackendOptions = {} ): Promise<RunningBackend> {
	const config = loadConfig( {
		AW_BACKEND_HOST: options.host ?? '127.0.0.1',
		AW_BACKEND_PORT: '0',
		AW_BACKEND_API_KEY: KEY,
		AW_CLAUDE_BIN: options.bin ?? CLAUDE_BIN,
		AW_BACKEND_POOL: String( options.pool ?? 0 ),
		AW_BACKEND_CONCURRENCY: String( options.concurrency ?? 4 ),
		AW_BACKEND_QUEUE: String( options.queue ?? 16 ),
		AW_BACKEND_STALL_MS: String( options.stallMs ?? 20_000 ),
		AW_BACKEND_TIMEOUT_MS: String( options.timeoutMs ?? 60_000 ),
		AW_BACKEND_BODY_LIMIT: options.bodyLimit ?? '1mb',
		AW_BACKEND_REUSE: options.reuse ?? 'auto',
		AW_BACKEND_REUSE_MAX_REQUESTS: String( options.reuseMaxRequests ?? 100 ),
		AW_BACKEND_ENGINES: options.engines ?? 'claude',
	} );
	return startBackend( config, options.env ?? offlineCliEnv( upstreamUrl ), {
		keepAliveMs: options.keepAliveMs,
		headersTimeoutMs: options.headersTimeoutMs,
		requestTimeoutMs: options.requestTimeoutMs,
	} );
}

function parentOf( pid: number ): number | undefined {
	try {
		const stat = readFileSync( `/proc/${ pid }/stat`, 'utf8' );
		// Field 4, after the parenthesised command name (which may hold spaces).
		return Number( stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' )[ 1 ] );
	} catch {
		return undefined;
	}
}

function commandOf( pid: number ): string {
	try {
		return readFileSync( `/proc/${ pid }/cmdline`, 'utf8' ).replaceAll( '\0', ' ' );
	} catch {
		return '';
	}
}

/** Live CLI processes descending from this test process (zombies excluded). */
export function cliChildren( marker = 'stream-json' ): number[] {
	const found: number[] = [];
	for ( const entry of readdirSync( '/proc' ) ) {
		const pid = Number( entry );
		if ( ! Number.isInteger( pid ) || pid === process.pid ) {
			continue;
		}
		let ancestor = parentOf( pid );
		let depth = 0;
		while ( ancestor !== undefined && ancestor > 1 && ancestor !== process.pid && depth++ < 20 ) {
			ancestor = parentOf( ancestor );
		}
		if ( ancestor !== process.pid ) {
			continue;
		}
		const cmd = commandOf( pid );
		if ( cmd.includes( marker ) ) {
			found.push( pid );
		}
	}
	return found;
}

/** Polls until `check` holds or `ms` passes; returns the last value seen. */
export async function waitFor<T>( read: () => T, check: ( value: T ) => boolean, ms: number, everyMs = 25 ): Promise<T> {
	const until = Date.now() + ms;
	let value = read();
	while ( ! check( value ) && Date.now() < until ) {
		await new Promise( ( r ) => setTimeout( r, everyMs ) );
		value = read();
	}
	return value;
}

export async function postJson( url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal ): Promise<Response> {
	return fetch( url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-api-key': KEY, ...headers },
		body: typeof body === 'string' ? body : JSON.stringify( body ),
		signal: signal ?? AbortSignal.timeout( 30_000 ),
	} );
}
