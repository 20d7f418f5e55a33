/**
 * zod failures as one message naming the field, e.g. `messages.0.role: Invalid option`.
 */

import type { z } from 'zod';

import { ApiError } from '../middleware/errors.ts';

export function parseBody<T extends z.ZodType>( schema: T, body: unknown ): z.infer<T> {
	if ( body === undefined || body === null || typeof body !== 'object' || Array.isArray( body ) ) {
		throw new ApiError( 'invalid_request', 'request body must be a JSON object (Content-Type: application/json)' );
	}
	const result = schema.safeParse( body );
	if ( result.success ) {
		return result.data;
	}
	const issue = result.error.issues[ 0 ];
	const path = issue?.path.map( String ).join( '.' ) || 'body';
	const message = issue?.code === 'invalid_type' && issue.input === undefined ? 'Field required' : issue?.message ?? 'invalid';
	const more = result.error.issues.length > 1 ? ` (and ${ result.error.issues.length - 1 } more)` : '';
	throw new ApiError( 'invalid_request', `${ path }: ${ message }${ more }`, undefined, path );
}
