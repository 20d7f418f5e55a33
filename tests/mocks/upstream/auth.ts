/**
 * Upstream API keys: `x-api-key`, `x-goog-api-key` (Gemini) or `Authorization: Bearer`. A key starting with `invalid` is
 * always refused, so tests can exercise a rejected key without configuring anything.
 */

import type { IncomingMessage } from 'node:http';

export function presentedKey( req: IncomingMessage ): string | undefined {
	const header = req.headers[ 'x-api-key' ] ?? req.headers[ 'x-goog-api-key' ];
	if ( typeof header === 'string' && header !== '' ) {
		return header;
	}
	const match = /^Bearer\s+(.+)$/i.exec( req.headers.authorization ?? '' );
	return match?.[ 1 ]?.trim() || undefined;
}

/** Why the key is refused, or undefined when it is accepted. */
export function keyProblem( key: string | undefined, expected: string | undefined ): string | undefined {
	if ( key === undefined ) {
		return 'Missing API key: send it as x-api-key or Authorization: Bearer.';
	}
	if ( key.startsWith( 'invalid' ) || ( expected !== undefined && key !== expected ) ) {
		return `Invalid API key ending in ${ key.slice( -4 ) }.`;
	}
	return undefined;
}

/** Header values that carry secrets, cut to their last 4 characters for the request log. */
export function maskHeaders( headers: IncomingMessage[ 'headers' ] ): Record<string, string> {
	const masked: Record<string, string> = {};
	for ( const [ name, value ] of Object.entries( headers ) ) {
		if ( value === undefined ) {
			continue;
		}
		const text = Array.isArray( value ) ? value.join( ', ' ) : value;
		masked[ name ] = name === 'authorization' || name === 'x-api-key' || name === 'x-goog-api-key' ? `…${ text.slice( -4 ) }` : text;
	}
	return masked;
}
