/**
 * The express app, without listening: the browser guard, routes, auth, body limit, errors.
 * `close()` ends every child.
 */

import express, { type Express, type RequestHandler } from 'express';

import type { Config } from './config.ts';
import { EngineRouter } from './drivers/engine-router.ts';
import type { Driver } from './drivers/types.ts';
import { requireApiKey } from './middleware/auth.ts';
import { ApiError, errorHandler, sendError } from './middleware/errors.ts';
import { browserGuard, declaredSizeLimit, jsonBody, requireJson } from './middleware/guard.ts';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { chatCompletionsRoute } from './routes/chat-completions.ts';
import { messagesRoute } from './routes/messages.ts';
import { modelRoute, modelsRoute } from './routes/models.ts';
import { pingRoute, VERSION } from './routes/ping.ts';
import { startTrace, TRACE_ENABLED } from './trace.ts';

export interface Backend {
	app: Express;
	limiter: ConcurrencyLimiter;
	close(): Promise<void>;
}

export interface BackendOptions {
	/** One line per request (method, path, status, ms, model; never content) to stdout. */
	logRequests?: boolean;
	keepAliveMs?: number;
	/** The whole header block must arrive within this (node's server.headersTimeout; default 15 s). */
	headersTimeoutMs?: number;
	/** The whole request, body included, must arrive within this (server.requestTimeout; default 60 s). The answer is not bounded by it. */
	requestTimeoutMs?: number;
}

export function createBackend( config: Config, drivers: Driver[], options: BackendOptions = {} ): Backend {
	if ( drivers.length === 0 ) {
		throw new Error( 'no CLI driver configured' );
	}
	// Routes see one driver: the router picks the engine per request's model (tier map first).
	const driver = new EngineRouter( drivers, config.tiers );
	const limiter = new ConcurrencyLimiter( config.concurrency, config.queue );
	const shutdown = new AbortController();
	const ctx = { driver, limiter, shutdown: shutdown.signal, keepAliveMs: options.keepAliveMs ?? 15_000 };

	const app = express();
	app.disable( 'x-powered-by' );
	app.set( 'etag', false );
	if ( TRACE_ENABLED ) {
		app.use( ( _req, res, next ) => {
			res.locals.trace = startTrace();
			next();
		} );
	}
	if ( options.logRequests ) {
		app.use( requestLog );
	}
	app.use( browserGuard( config.host ) );
	app.use( declaredSizeLimit( config.bodyLimitBytes ) );

	app.head( '/', ( _req, res ) => {
		res.status( 200 ).end();
	} );
	app.get( '/', ( _req, res ) => {
		res.json( { name: 'agentic-writer-local-backend', version: VERSION, endpoints: [ '/ping', '/v1/messages', '/v1/chat/completions', '/v1/models' ] } );
	} );
	app.get( '/ping', pingRoute( drivers, limiter, config.apiKey, config.tiers ) );

	app.use( '/v1', requireApiKey( config.apiKey ) );
	// JSON only: a form or text/plain POST is what a web page can send without a CORS preflight.
	const readBody = jsonBody( config.bodyLimitBytes );
	app.use( '/v1', ( req, res, next ) => {
		if ( req.method !== 'POST' ) {
			next();
			return;
		}
		requireJson( req, res, ( error?: unknown ) => ( error ? next( error ) : readBody( req, res, next ) ) );
	} );
	app.post( '/v1/messages', messagesRoute( ctx ) );
	app.post( '/v1/chat/completions', chatCompletionsRoute( ctx ) );
	app.get( '/v1/models', modelsRoute( driver ) );
	app.get( '/v1/models/:id', modelRoute( driver ) );

	app.use( ( req, res ) => {
		sendError( req, res, new ApiError( 'unknown_route', `no route for ${ req.method } ${ req.path } (endpoints: /ping, /v1/messages, /v1/chat/completions, /v1/models)` ) );
	} );
	app.use( errorHandler );

	return {
		app,
		limiter,
		async close() {
			shutdown.abort();
			await Promise.all( drivers.map( ( d ) => d.close() ) );
		},
	};
}

const requestLog: RequestHandler = ( req, res, next ) => {
	const started = performance.now();
	res.on( 'close', () => {
		const model = typeof req.body?.model === 'string' ? ` model=${ req.body.model }` : '';
		const outcome = res.writableFinished ? String( res.statusCode ) : `${ res.statusCode } client-gone`;
		const failure = typeof res.locals.failure === 'string' ? ` ${ res.locals.failure }` : '';
		process.stdout.write( `${ new Date().toISOString() } ${ req.method } ${ req.originalUrl.split( '?' )[ 0 ] } ${ outcome } ${ Math.round( performance.now() - started ) }ms${ model }${ failure }\n` );
	} );
	next();
};
