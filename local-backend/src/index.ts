/**
 * Starts the local backend: config, drivers and warm pool, listen, banner; SIGTERM and
 * SIGINT end every child before exiting.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';

import { type Config, ConfigError, helpText, loadConfig } from './config.ts';
import { createDrivers } from './drivers/registry.ts';
import type { PoolStats } from './drivers/types.ts';
import type { LimiterStats } from './concurrency-limiter.ts';
import { type BackendOptions, createBackend } from './server.ts';

export interface RunningBackend {
	url: string;
	port: number;
	config: Config;
	server: Server;
	/** The first driver's warm pool figures (what /ping shows). */
	poolStats(): PoolStats;
	queueStats(): LimiterStats;
	stop(): Promise<void>;
}

export async function startBackend( config: Config, env: NodeJS.ProcessEnv = process.env, options: BackendOptions = {} ): Promise<RunningBackend> {
	const drivers = createDrivers( config, env );
	await Promise.all( drivers.map( ( d ) => d.start() ) );
	const backend = createBackend( config, drivers, options );
	// Slow or endless headers and bodies are cut (408). Both bound only the request: once it is
	// in, a generation may stream for minutes (AW_BACKEND_TIMEOUT_MS bounds that).
	const headersTimeout = options.headersTimeoutMs ?? 15_000;
	const server = createServer(
		{
			headersTimeout,
			requestTimeout: Math.max( headersTimeout, options.requestTimeoutMs ?? 60_000 ),
			// How often node looks for expired requests (default 30 s would stretch the limits).
			connectionsCheckingInterval: Math.min( 1000, headersTimeout ),
		},
		backend.app
	);
	server.listen( config.port, config.host );
	await new Promise<void>( ( resolve, reject ) => {
		server.once( 'listening', resolve );
		server.once( 'error', reject );
	} ).catch( async ( error: NodeJS.ErrnoException ) => {
		await backend.close();
		throw error.code === 'EADDRINUSE'
			? new ConfigError( `port ${ config.port } on ${ config.host } is already in use: stop the other program or set AW_BACKEND_PORT` )
			: error;
	} );
	const { port } = server.address() as AddressInfo;
	const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
	return {
		url: `http://${ host.includes( ':' ) ? `[${ host }]` : host }:${ port }`,
		port,
		config,
		server,
		poolStats: () => drivers[ 0 ]!.poolStats(),
		queueStats: () => backend.limiter.stats(),
		async stop() {
			server.close();
			server.closeAllConnections();
			await backend.close();
		},
	};
}

/** `.api-key` beside server.js (the zip, dist/), or in local-backend/ when run from src/. */
function defaultKeyFile(): string {
	const entryDir = dirname( resolve( process.argv[ 1 ] ?? '.' ) );
	return join( basename( entryDir ) === 'src' ? dirname( entryDir ) : entryDir, '.api-key' );
}

async function main(): Promise<void> {
	const argv = process.argv.slice( 2 );
	if ( argv.includes( '--help' ) || argv.includes( '-h' ) ) {
		process.stdout.write( helpText() );
		return;
	}
	const major = Number( process.versions.node.split( '.' )[ 0 ] );
	if ( major < 20 ) {
		process.stderr.write( `agentic-writer local backend: Node.js ${ process.version } is too old; install Node.js 20 or newer (https://nodejs.org)\n` );
		process.exit( 2 );
	}
	let running: RunningBackend;
	try {
		running = await startBackend( loadConfig( { AW_BACKEND_KEY_FILE: defaultKeyFile(), ...process.env }, argv ), process.env, { logRequests: true } );
	} catch ( error ) {
		process.stderr.write( `agentic-writer local backend: ${ error instanceof Error ? error.message : String( error ) }\n` );
		process.exit( 2 );
	}
	const { config } = running;
	// The whole key on a terminal; a log file (start.sh) gets only its end.
	const shown = process.stdout.isTTY ? config.apiKey : `…${ config.apiKey.slice( -4 ) }`;
	const keyLine =
		config.apiKeySource === 'none'
			? 'API key:  none (AW_BACKEND_API_KEY is empty; loopback only)'
			: `API key:  ${ shown }${ config.apiKeySource === 'env' ? ' (from AW_BACKEND_API_KEY)' : ` (kept in ${ config.keyFile })` }`;
	process.stdout.write( `Agentic Writer local backend listening on ${ running.url }\nBase URL: ${ running.url }\n${ keyLine }\n` );
	let stopping = false;
	for ( const signal of [ 'SIGTERM', 'SIGINT', 'SIGHUP' ] as const ) {
		process.on( signal, () => {
			if ( stopping ) {
				return;
			}
			stopping = true;
			// Each child gets SIGTERM, then SIGKILL after 1 s; this bounds a stop on a very busy machine.
			const force = setTimeout( () => process.exit( 1 ), 8000 );
			force.unref();
			running.stop().then(
				() => process.exit( 0 ),
				() => process.exit( 1 )
			);
		} );
	}
}

// Run when executed (tsx src/index.ts, or the bundle), not when imported by tests.
const entry = process.argv[ 1 ] ?? '';
if ( /(?:^|[\\/])(?:index\.ts|server\.js)$/.test( entry ) || process.env.AW_BACKEND_MAIN === '1' ) {
	void main();
}
