/**
 * External dependencies
 */
import type * as z from 'zod/mini';

/**
 * Checks a body from the server; throws naming the field that is wrong.
 *
 * @param schema Expected shape.
 * @param body   Parsed JSON.
 * @param what   Route name for the message.
 */
export function parseBody< T >(
	schema: z.ZodMiniType< T >,
	body: unknown,
	what: string
): T {
	const result = schema.safeParse( body );
	if ( ! result.success ) {
		const issue = result.error.issues[ 0 ];
		const where = issue?.path.length ? issue.path.join( '.' ) : 'body';
		throw new Error(
			`Unexpected ${ what } response from the server (${ where }: ${
				issue?.message ?? 'invalid'
			}).`
		);
	}
	return result.data;
}
