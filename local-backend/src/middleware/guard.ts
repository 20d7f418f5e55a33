/**
 * What keeps web pages out. A page in the author's browser can send requests to a loopback
 * server (a form, a `fetch` without CORS, a DNS-rebound host name), so even a backend without a
 * key refuses what only a browser would send:
 * - a `Host` that is not this machine (DNS rebinding), unless bound to the LAN (key required then);
 * - an `Origin` other than the backend's own, or `Sec-Fetch-Site` saying the page is elsewhere;
 * - on `POST /v1/*`, a body that is not `application/json` (forms and `text/plain` need no CORS
 *   preflight; JSON does) or is compressed.
 * Bodies are read here too, with the limit checked before reading (Content-Length) and while
 * reading (chunked or lying clients): past it, 413 and the connection is closed, so the rest
 * of the body is never read.
 */

import type { Request, RequestHandler, Response } from 'express';

import { isLoopback } from '../config.ts';
import { ApiError, sendError } from './errors.ts';

/** The host name of a Host header (`[::1]:8080` → `::1`, `LocalHost.:80` → `localhost`), or undefined when unparseable. */
export function hostnameOf( host: string ): string | undefined {
	try {
		return new URL( `http://${ host }` ).hostname.replace( /^\[|\]$/g, '' ).replace( /\.$/, '' ).toLowerCase();
	} catch {
		return undefined;
	}
}

/**
 * `bindHost`: the configured bind address. Bound to loopback, only loopback names and that
 * address are accepted as Host; bound to the LAN, the machine's names and addresses are not
 * known here, and the API key (required there) does the work.
 */
export function browserGuard( bindHost: string ): RequestHandler {
	const checkHost = isLoopback( bindHost );
	return ( req, res, next ) => {
		const host = req.headers.host;
		if ( checkHost && host !== undefined ) {
			const name = hostnameOf( host );
			if ( name === undefined || ! ( isLoopback( name ) || name === bindHost.toLowerCase() ) ) {
				refuse( req, res, `Host "${ host }" is not this machine: the local backend answers only to 127.0.0.1 or localhost (a web page using another name is refused). To serve other machines start it with --lan` );
				return;
			}
		}
		const origin = req.headers.origin;
		if ( origin !== undefined && ( host === undefined || origin.toLowerCase() !== `http://${ host }`.toLowerCase() ) ) {
			refuse( req, res, `requests from web pages (Origin ${ origin }) are refused: call the local backend from a server or a script, not from a browser` );
			return;
		}
		const site = req.headers[ 'sec-fetch-site' ];
		if ( typeof site === 'string' && site !== 'none' && site !== 'same-origin' ) {
			refuse( req, res, `requests from web pages (Sec-Fetch-Site ${ site }) are refused: call the local backend from a server or a script, not from a browser` );
			return;
		}
		next();
	};
}

function refuse( req: Request, res: Response, message: string ): void {
	sendError( req, res, new ApiError( 'forbidden', message ) );
}

/** `application/json` or `application/…+json`, in UTF-8 (the default), not compressed; else 415. */
export const requireJson: RequestHandler = ( req, res, next ) => {
	const [ rawType = '', ...params ] = ( req.headers[ 'content-type' ] ?? '' ).split( ';' );
	const type = rawType.trim().toLowerCase();
	if ( type !== 'application/json' && ! /^application\/[\w.+-]+\+json$/.test( type ) ) {
		sendError(
			req,
			res,
			new ApiError( 'unsupported_media_type', `Content-Type must be application/json${ type ? `, not ${ type }` : ' (none was sent)' }` )
		);
		return;
	}
	const charset = params
		.map( ( p ) => p.trim().toLowerCase().split( '=' ) )
		.find( ( [ name ] ) => name === 'charset' )?.[ 1 ]
		?.replace( /^"|"$/g, '' );
	if ( charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' ) {
		sendError( req, res, new ApiError( 'unsupported_media_type', `the request body must be UTF-8, not charset=${ charset }` ) );
		return;
	}
	const encoding = ( req.headers[ 'content-encoding' ] ?? 'identity' ).trim().toLowerCase();
	if ( encoding !== 'identity' ) {
		sendError( req, res, new ApiError( 'unsupported_media_type', `Content-Encoding ${ encoding } is not supported: send the JSON uncompressed` ) );
		return;
	}
	next();
};

function tooLarge( req: Request, res: Response, limit: number ): void {
	// Closing the connection after the answer is what stops the rest of the body being read.
	res.set( 'Connection', 'close' );
	sendError( req, res, new ApiError( 'too_large', `request body is larger than the ${ limit } byte limit (AW_BACKEND_BODY_LIMIT)` ) );
}

/** Refuses a declared Content-Length over `limit` before anything is read (any method). */
export function declaredSizeLimit( limit: number ): RequestHandler {
	return ( req, res, next ) => {
		const declared = req.headers[ 'content-length' ];
		if ( declared !== undefined && Number( declared ) > limit ) {
			tooLarge( req, res, limit );
			return;
		}
		next();
	};
}

/**
 * Reads a JSON body of at most `limit` bytes into `req.body` (an empty body is `{}`). Past the
 * limit the request is answered 413 at once; invalid JSON, or JSON that is not an object or
 * array, is a 400.
 */
export function jsonBody( limit: number ): RequestHandler {
	return ( req, res, next ) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = () => {
			settled = true;
			req.off( 'data', onData );
			req.off( 'end', onEnd );
			req.off( 'error', onError );
		};
		// With a Content-Length the body is complete when that many bytes are in: parsing then
		// saves waiting a turn of the event loop for 'end' (node frames the body by that length).
		const declared = Number( req.headers[ 'content-length' ] ?? Number.NaN );
		const onData = ( chunk: Buffer ) => {
			size += chunk.length;
			if ( size > limit ) {
				settle();
				req.pause();
				tooLarge( req, res, limit );
				return;
			}
			chunks.push( chunk );
			if ( size === declared ) {
				onEnd();
			}
		};
		const onEnd = () => {
			if ( settled ) {
				return;
			}
			settle();
			const text = Buffer.concat( chunks, size ).toString( 'utf8' );
			if ( text.trim() === '' ) {
				req.body = {};
				next();
				return;
			}
			if ( ! /^[\s]*[[{]/.test( text ) ) {
				sendError( req, res, new ApiError( 'invalid_request', 'request body is not valid JSON (an object was expected)' ) );
				return;
			}
			try {
				req.body = JSON.parse( text );
			} catch {
				sendError( req, res, new ApiError( 'invalid_request', 'request body is not valid JSON' ) );
				return;
			}
			next();
		};
		// The client went away or the request timed out (node answers 408 itself): nothing to answer.
		const onError = () => settle();
		req.on( 'data', onData );
		req.on( 'end', onEnd );
		req.on( 'error', onError );
	};
}
