/**
 * The HTTP server: routing, auth, the request log, directive resolution and the control API
 * under `/__mock/`. No listen here; see index.ts.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { anthropicError, handleCountTokens, handleMessages } from './anthropic.ts';
import { keyProblem, maskHeaders, presentedKey } from './auth.ts';
import { type Directive, DirectiveQueue, directiveFromTexts, parseDirective } from './directives.ts';
import { beforeFirstByte, type ErrorWriter, type Exchange, sendJson } from './exchange.ts';
import { geminiError, geminiRoute, handleGemini } from './gemini.ts';
import { handleChatCompletions, handleImageGenerations, openAiError } from './openai.ts';
import { anthropicCatalogue, openRouterCatalogue } from './openrouter-models.ts';
import { handleResponses } from './responses.ts';

export interface RecordedRequest {
	method: string;
	/** As received, query string included (e.g. `/v1/messages?beta=true`). */
	path: string;
	/** Lower-case names; `authorization` and `x-api-key` cut to their last 4 characters. */
	headers: Record<string, string>;
	/** Parsed JSON, or null when the body was empty or not JSON. */
	body: unknown;
	/** ISO 8601 time the request arrived. */
	at: string;
}

export interface MockState {
	apiKey: string | undefined;
	defaultChunks: number;
	defaultChunkDelayMs: number;
	queue: DirectiveQueue;
	requests: RecordedRequest[];
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

type Handler = ( exchange: Exchange ) => Promise<void>;

interface Route {
	handler: Handler;
	shape: 'anthropic' | 'openai' | 'gemini';
	auth: 'required' | 'optional';
}

function routeFor( method: string, route: string, req: IncomingMessage ): Route | undefined {
	if ( method === 'POST' && route === '/v1/messages' ) {
		return { handler: handleMessages, shape: 'anthropic', auth: 'required' };
	}
	if ( method === 'POST' && route === '/v1/messages/count_tokens' ) {
		return { handler: handleCountTokens, shape: 'anthropic', auth: 'required' };
	}
	if ( method === 'POST' && route === '/v1/chat/completions' ) {
		return { handler: handleChatCompletions, shape: 'openai', auth: 'required' };
	}
	if ( method === 'POST' && route === '/v1/responses' ) {
		return { handler: handleResponses, shape: 'openai', auth: 'required' };
	}
	if ( method === 'POST' && geminiRoute( route ) ) {
		return { handler: handleGemini, shape: 'gemini', auth: 'required' };
	}
	if ( method === 'POST' && route === '/v1/images/generations' ) {
		return { handler: handleImageGenerations, shape: 'openai', auth: 'required' };
	}
	if ( method === 'GET' && ( route === '/v1/key' || route === '/v1/auth/key' ) ) {
		return { handler: handleKey, shape: 'openai', auth: 'required' };
	}
	if ( method === 'GET' && ( route === '/v1/models' || route.startsWith( '/v1/models/' ) ) ) {
		const anthropic = req.headers[ 'anthropic-version' ] !== undefined;
		return { handler: handleModels, shape: anthropic ? 'anthropic' : 'openai', auth: 'optional' };
	}
	return undefined;
}

/** OpenRouter's `GET /api/v1/key`: what a connection test calls to check a key without spending. */
async function handleKey( exchange: Exchange ): Promise<void> {
	const directive = exchange.resolveDirective( [] );
	if ( ! ( await beforeFirstByte( exchange, directive, openAiError( exchange ), false ) ) ) {
		return;
	}
	sendJson( exchange.res, 200, {
		data: { label: 'mock key', usage: 0, limit: null, limit_remaining: null, is_free_tier: false, is_provisioning_key: false },
	} );
}

async function handleModels( exchange: Exchange ): Promise<void> {
	const anthropic = exchange.req.headers[ 'anthropic-version' ] !== undefined;
	const writeError = anthropic ? anthropicError( exchange ) : openAiError( exchange );
	const directive = exchange.resolveDirective( [] );
	if ( ! ( await beforeFirstByte( exchange, directive, writeError, false ) ) ) {
		return;
	}
	const catalogue = anthropic ? anthropicCatalogue() : openRouterCatalogue();
	const wanted = exchange.route.slice( '/v1/models/'.length );
	if ( wanted === '' ) {
		sendJson( exchange.res, 200, catalogue );
		return;
	}
	const found = ( catalogue as { data: Array<{ id: string }> } ).data.find( ( entry ) => entry.id === decodeURIComponent( wanted ) );
	if ( found ) {
		sendJson( exchange.res, 200, found );
	} else {
		writeError( 404, `The model '${ decodeURIComponent( wanted ) }' does not exist` );
	}
}

function readBody( req: IncomingMessage ): Promise<Buffer | 'too_large'> {
	return new Promise( ( resolve, reject ) => {
		const parts: Buffer[] = [];
		let size = 0;
		req.on( 'data', ( part: Buffer ) => {
			size += part.length;
			if ( size <= MAX_BODY_BYTES ) {
				parts.push( part );
			}
		} );
		req.on( 'end', () => resolve( size > MAX_BODY_BYTES ? 'too_large' : Buffer.concat( parts ) ) );
		req.on( 'error', reject );
	} );
}

function parseJson( raw: Buffer ): { ok: true; value: unknown } | { ok: false } {
	if ( raw.length === 0 ) {
		return { ok: true, value: null };
	}
	try {
		return { ok: true, value: JSON.parse( raw.toString( 'utf8' ) ) as unknown };
	} catch {
		return { ok: false };
	}
}

async function handleControl( state: MockState, req: IncomingMessage, res: ServerResponse, route: string ): Promise<void> {
	if ( req.method === 'GET' && route === '/__mock/requests' ) {
		sendJson( res, 200, state.requests );
		return;
	}
	if ( req.method === 'GET' && route === '/__mock/script' ) {
		sendJson( res, 200, state.queue.list() );
		return;
	}
	if ( req.method === 'POST' && route === '/__mock/reset' ) {
		await readBody( req );
		state.queue.clear();
		state.requests.length = 0;
		sendJson( res, 200, { ok: true } );
		return;
	}
	if ( req.method === 'POST' && route === '/__mock/script' ) {
		const raw = await readBody( req );
		const parsed = raw === 'too_large' ? { ok: false as const } : parseJson( raw );
		const body = parsed.ok ? ( parsed.value as Record<string, unknown> | null ) : null;
		if ( body === null || typeof body !== 'object' || typeof body.directive !== 'string' ) {
			sendJson( res, 400, { error: 'Body must be JSON: { "directive": "status=503", "path"?: "/v1/messages", "times"?: 1 }' } );
			return;
		}
		const times = body.times === undefined ? 1 : Number( body.times );
		if ( ! Number.isInteger( times ) || times < 1 ) {
			sendJson( res, 400, { error: '"times" must be a positive integer' } );
			return;
		}
		if ( body.path !== undefined && typeof body.path !== 'string' ) {
			sendJson( res, 400, { error: '"path" must be a string such as "/v1/messages"' } );
			return;
		}
		let directive: Directive;
		try {
			directive = parseDirective( body.directive );
		} catch ( error ) {
			sendJson( res, 400, { error: ( error as Error ).message } );
			return;
		}
		state.queue.add( { path: body.path, times, directive, source: body.directive } );
		sendJson( res, 200, { queued: state.queue.list() } );
		return;
	}
	sendJson( res, 404, { error: `No control endpoint ${ req.method } ${ route }` } );
}

async function handle( state: MockState, req: IncomingMessage, res: ServerResponse ): Promise<void> {
	const method = req.method ?? 'GET';
	const rawPath = req.url ?? '/';
	const path = rawPath.split( '?' )[ 0 ] ?? '/';
	if ( path.startsWith( '/__mock/' ) ) {
		await handleControl( state, req, res, path );
		return;
	}

	const record: RecordedRequest = { method, path: rawPath, headers: maskHeaders( req.headers ), body: null, at: new Date().toISOString() };
	state.requests.push( record );

	const openRouter = path === '/api/v1' || path.startsWith( '/api/v1/' );
	const route = openRouter ? path.slice( '/api'.length ) : path;
	const raw = await readBody( req );
	const parsed = raw === 'too_large' ? { ok: false as const } : parseJson( raw );
	record.body = parsed.ok ? parsed.value : null;

	if ( route === '/' || route === '' || route === '/v1' ) {
		if ( method === 'HEAD' || method === 'GET' ) {
			sendJson( res, 200, { status: 'ok', service: 'agentic-writer mock upstream' } );
			return;
		}
	}

	const controller = new AbortController();
	res.on( 'close', () => {
		if ( ! res.writableFinished ) {
			controller.abort();
		}
	} );
	const exchange: Exchange = {
		req,
		res,
		route,
		openRouter,
		body: null,
		signal: controller.signal,
		defaultChunks: state.defaultChunks,
		defaultChunkDelayMs: state.defaultChunkDelayMs,
		resolveDirective: ( texts ) => ( {
			...directiveFromTexts( texts ),
			...( typeof req.headers[ 'x-mock' ] === 'string' ? parseDirective( req.headers[ 'x-mock' ] ) : {} ),
			...state.queue.take( path ),
		} ),
	};

	const found = routeFor( method, route, req );
	const shape = found?.shape ?? ( route.startsWith( '/v1/messages' ) ? 'anthropic' : 'openai' );
	const writeError: ErrorWriter = shape === 'anthropic' ? anthropicError( exchange ) : shape === 'gemini' ? geminiError( exchange ) : openAiError( exchange );
	if ( ! found ) {
		writeError( 404, `Not found: ${ method } ${ path }` );
		return;
	}
	const key = presentedKey( req );
	if ( found.auth === 'required' || key !== undefined ) {
		const problem = keyProblem( key, state.apiKey );
		if ( problem ) {
			writeError( 401, problem );
			return;
		}
	}
	if ( raw === 'too_large' ) {
		writeError( 413, `Request body exceeds ${ MAX_BODY_BYTES } bytes.` );
		return;
	}
	if ( ! parsed.ok ) {
		writeError( 400, 'Request body is not valid JSON.' );
		return;
	}
	exchange.body = parsed.value;
	try {
		await found.handler( exchange );
	} catch ( error ) {
		const message = ( error as Error ).message;
		if ( ! res.headersSent ) {
			writeError( message.includes( 'mock directive' ) ? 400 : 500, `Mock upstream: ${ message }` );
		} else {
			res.destroy();
		}
	}
}

export function createMockServer( state: MockState ): Server {
	return createServer( ( req, res ) => {
		handle( state, req, res ).catch( ( error: unknown ) => {
			if ( ! res.headersSent ) {
				sendJson( res, 500, { error: String( error ) } );
			} else {
				res.destroy();
			}
		} );
	} );
}
