/**
 * API key check for `/v1/*`: `x-api-key` or `Authorization: Bearer`, compared in constant time.
 */

import { createHash, timingSafeEqual } from 'node:crypto';

import type { RequestHandler } from 'express';

import { ApiError, sendError } from './errors.ts';

const digest = ( value: string ) => createHash( 'sha256' ).update( value ).digest();

export function presentedKey( headers: { 'x-api-key'?: string | string[] | undefined; authorization?: string | undefined } ): string | undefined {
	const header = headers[ 'x-api-key' ];
	if ( typeof header === 'string' && header !== '' ) {
		return header.trim();
	}
	const bearer = /^Bearer\s+(.+)$/i.exec( headers.authorization ?? '' );
	return bearer?.[ 1 ]?.trim();
}

/** Equal-length digests make the comparison's time independent of where the keys differ. */
export function keyMatches( presented: string | undefined, expected: string ): boolean {
	return presented !== undefined && timingSafeEqual( digest( presented ), digest( expected ) );
}

export function requireApiKey( expected: string ): RequestHandler {
	const expectedDigest = digest( expected );
	return ( req, res, next ) => {
		if ( expected === '' ) {
			next();
			return;
		}
		const presented = presentedKey( req.headers );
		if ( presented !== undefined && timingSafeEqual( digest( presented ), expectedDigest ) ) {
			next();
			return;
		}
		sendError(
			req,
			res,
			new ApiError(
				'authentication',
				presented === undefined
					? 'missing API key: send the local backend key as x-api-key or Authorization: Bearer (start.sh prints it; it is in .api-key)'
					: 'invalid API key: use the key start.sh printed (it is in .api-key beside server.js)'
			)
		);
	};
}
