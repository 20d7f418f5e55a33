/**
 * Errors in the caller's own dialect: the Anthropic shape on `/v1/messages`, OpenAI's on
 * `/v1/chat/completions`, and for other paths whichever the client's headers suggest.
 */

import type { ErrorRequestHandler, Request, Response } from 'express';

import { DriverError, type DriverErrorKind } from '../drivers/types.ts';

export type ErrorKind = DriverErrorKind | 'too_large' | 'unknown_route' | 'forbidden' | 'unsupported_media_type';
export type Dialect = 'anthropic' | 'openai';

export class ApiError extends Error {
	constructor(
		readonly kind: ErrorKind,
		message: string,
		readonly retryAfterSeconds?: number,
		/** OpenAI's `param`: the request field at fault. */
		readonly param?: string
	) {
		super( message );
	}

	static from( error: unknown ): ApiError {
		if ( error instanceof ApiError ) {
			return error;
		}
		if ( error instanceof DriverError ) {
			return new ApiError( error.kind, error.message, error.retryAfterSeconds );
		}
		return new ApiError( 'api', error instanceof Error ? error.message : String( error ) );
	}
}

const ANTHROPIC: Record<ErrorKind, [ number, string ]> = {
	invalid_request: [ 400, 'invalid_request_error' ],
	authentication: [ 401, 'authentication_error' ],
	forbidden: [ 403, 'permission_error' ],
	not_found: [ 404, 'not_found_error' ],
	unknown_route: [ 404, 'not_found_error' ],
	too_large: [ 413, 'request_too_large' ],
	unsupported_media_type: [ 415, 'invalid_request_error' ],
	rate_limit: [ 429, 'rate_limit_error' ],
	api: [ 500, 'api_error' ],
	upstream: [ 502, 'api_error' ],
	unavailable: [ 503, 'api_error' ],
	timeout: [ 504, 'timeout_error' ],
	overloaded: [ 529, 'overloaded_error' ],
};

const OPENAI: Record<ErrorKind, [ number, string, string | null ]> = {
	invalid_request: [ 400, 'invalid_request_error', null ],
	authentication: [ 401, 'invalid_request_error', 'invalid_api_key' ],
	forbidden: [ 403, 'invalid_request_error', 'forbidden' ],
	not_found: [ 404, 'invalid_request_error', 'model_not_found' ],
	unknown_route: [ 404, 'invalid_request_error', 'unknown_url' ],
	too_large: [ 413, 'invalid_request_error', 'request_too_large' ],
	unsupported_media_type: [ 415, 'invalid_request_error', 'unsupported_media_type' ],
	rate_limit: [ 429, 'rate_limit_error', 'rate_limit_exceeded' ],
	api: [ 500, 'server_error', null ],
	upstream: [ 502, 'server_error', 'upstream_error' ],
	unavailable: [ 503, 'server_error', 'cli_unavailable' ],
	timeout: [ 504, 'server_error', 'timeout' ],
	overloaded: [ 503, 'server_error', 'overloaded' ],
};

export function dialectOf( req: Request ): Dialect {
	// Inside `app.use( '/v1', … )` req.path is relative to the mount point.
	const path = req.baseUrl + req.path;
	if ( path.startsWith( '/v1/chat/' ) ) {
		return 'openai';
	}
	if ( path.startsWith( '/v1/messages' ) ) {
		return 'anthropic';
	}
	return req.get( 'anthropic-version' ) || req.get( 'x-api-key' ) ? 'anthropic' : 'openai';
}

export function errorStatus( error: ApiError, dialect: Dialect ): number {
	return ( dialect === 'anthropic' ? ANTHROPIC : OPENAI )[ error.kind ][ 0 ];
}

export function errorBody( error: ApiError, dialect: Dialect ): Record<string, unknown> {
	if ( dialect === 'anthropic' ) {
		return { type: 'error', error: { type: ANTHROPIC[ error.kind ][ 1 ], message: error.message } };
	}
	const [ , type, code ] = OPENAI[ error.kind ];
	return { error: { message: error.message, type, param: error.param ?? null, code } };
}

/** For the request log: why a request failed (never its content). */
export function noteError( res: Response, error: ApiError ): void {
	res.locals.failure = `${ error.kind }: ${ error.message }`;
}

export function sendError( req: Request, res: Response, raw: unknown ): void {
	const error = ApiError.from( raw );
	const dialect = dialectOf( req );
	noteError( res, error );
	if ( error.retryAfterSeconds !== undefined ) {
		res.set( 'Retry-After', String( Math.max( 1, Math.ceil( error.retryAfterSeconds ) ) ) );
	}
	res.status( errorStatus( error, dialect ) ).json( errorBody( error, dialect ) );
}

/** Body parser failures (too large, not JSON) and anything thrown by a route. */
export const errorHandler: ErrorRequestHandler = ( raw, req, res, next ) => {
	if ( res.headersSent ) {
		next( raw );
		return;
	}
	const parserError = raw as { type?: string; status?: number; limit?: number };
	if ( parserError.type === 'entity.too.large' ) {
		sendError( req, res, new ApiError( 'too_large', `request body is larger than the ${ parserError.limit ?? '' } byte limit (AW_BACKEND_BODY_LIMIT)` ) );
		return;
	}
	if ( parserError.type === 'entity.parse.failed' ) {
		sendError( req, res, new ApiError( 'invalid_request', 'request body is not valid JSON' ) );
		return;
	}
	if ( typeof parserError.type === 'string' && parserError.status && parserError.status < 500 ) {
		sendError( req, res, new ApiError( 'invalid_request', ( raw as Error ).message ) );
		return;
	}
	sendError( req, res, raw );
};
