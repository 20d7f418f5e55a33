/**
 * One request/response pair as the API handlers see it, and the directive steps shared by all
 * of them (ttft, status, hang, drop/stall on non-stream answers).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Directive } from './directives.ts';

export interface Exchange {
	req: IncomingMessage;
	res: ServerResponse;
	/** Path without query string and without the OpenRouter `/api` prefix, e.g. `/v1/messages`. */
	route: string;
	/** True when the request came in under `/api/v1` (OpenRouter's base URL). */
	openRouter: boolean;
	body: unknown;
	/** Aborted when the client goes away (or the server closes) before the response ended. */
	signal: AbortSignal;
	defaultChunks: number;
	defaultChunkDelayMs: number;
	/** Merges, weakest first: markers in `texts`, the `x-mock` header, a queued script entry. */
	resolveDirective( texts: readonly string[] ): Directive;
}

export type ErrorWriter = ( status: number, message: string, retryAfter?: number ) => void;

export function sendJson( res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {} ): void {
	const payload = JSON.stringify( body );
	res.writeHead( status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength( payload ),
		...headers,
	} );
	res.end( payload );
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep( ms: number, signal: AbortSignal ): Promise<boolean> {
	if ( signal.aborted ) {
		return Promise.resolve( false );
	}
	if ( ms <= 0 ) {
		return Promise.resolve( true );
	}
	return new Promise( ( resolve ) => {
		const onAbort = () => {
			clearTimeout( timer );
			resolve( false );
		};
		const timer = setTimeout( () => {
			signal.removeEventListener( 'abort', onAbort );
			resolve( true );
		}, ms );
		signal.addEventListener( 'abort', onAbort, { once: true } );
	} );
}

/** Keeps the request open, saying nothing, until the client (or server shutdown) ends it. */
export function holdOpen( signal: AbortSignal ): Promise<void> {
	return new Promise( ( resolve ) => {
		if ( signal.aborted ) {
			resolve();
			return;
		}
		signal.addEventListener( 'abort', () => resolve(), { once: true } );
	} );
}

/** Destroys the connection once what was written so far has left the process. */
export function dropConnection( res: ServerResponse ): void {
	res.socket?.end( () => res.socket?.destroy() );
	setTimeout( () => res.socket?.destroy(), 50 ).unref();
}

/**
 * The directive steps that come before any answer byte. Returns false when the directive has
 * fully handled (or deliberately not handled) the request.
 */
export async function beforeFirstByte(
	exchange: Exchange,
	directive: Directive,
	writeError: ErrorWriter,
	streaming: boolean
): Promise<boolean> {
	if ( directive.ttftMs && ! ( await sleep( directive.ttftMs, exchange.signal ) ) ) {
		return false;
	}
	if ( directive.hang ) {
		await holdOpen( exchange.signal );
		return false;
	}
	if ( directive.status !== undefined ) {
		writeError(
			directive.status,
			`Mock upstream: scripted failure with status ${ directive.status }.`,
			directive.status === 429 ? directive.retryAfter ?? 1 : directive.retryAfter
		);
		return false;
	}
	if ( ! streaming && directive.dropAfter !== undefined ) {
		exchange.res.socket?.destroy();
		return false;
	}
	if ( ! streaming && directive.stallAfter !== undefined ) {
		await holdOpen( exchange.signal );
		return false;
	}
	return true;
}
