/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * The events of POST agentic-writer/v1/generate (DESIGN.md §5), checked as they arrive.
 */
export const usageSchema = z.object( {
	tokens_prompt: z.number(),
	tokens_completion: z.number(),
	cost_usd: z.nullable( z.number() ),
	cost_kind: z.enum( [ 'metered', 'estimated', 'subscription', 'local' ] ),
} );

export const fallbackSchema = z.object( {
	from: z.string(),
	to: z.optional( z.string() ),
	reason: z.string(),
} );

const schemas = {
	start: z.object( {
		request_id: z.string(),
		provider: z.string(),
		model: z.string(),
	} ),
	delta: z.object( { text: z.string() } ),
	fallback: fallbackSchema,
	usage: usageSchema,
	error: z.object( {
		code: z.string(),
		message: z.string(),
		retryable: z.optional( z.boolean() ),
	} ),
	done: z.object( {
		request_id: z.string(),
		ok: z.boolean(),
		provider: z.optional( z.string() ),
		model: z.optional( z.string() ),
		fallbacks: z.optional( z.array( fallbackSchema ) ),
		structured: z.optional(
			z.nullable( z.record( z.string(), z.unknown() ) )
		),
		structured_error: z.optional( z.nullable( z.string() ) ),
	} ),
};

export type Usage = z.infer< typeof usageSchema >;
export type Fallback = z.infer< typeof fallbackSchema >;
type Schemas = typeof schemas;
export type StreamEvent = {
	[ K in keyof Schemas ]: { type: K } & z.infer< Schemas[ K ] >;
}[ keyof Schemas ];

/**
 * A checked event, or null for an event type this client does not know (skipped, so a newer
 * server can add events). Throws when a known event has the wrong shape.
 *
 * @param name Event name.
 * @param data The event's data line(s).
 */
export function parseStreamEvent(
	name: string,
	data: string
): StreamEvent | null {
	if ( ! Object.hasOwn( schemas, name ) ) {
		return null;
	}
	const type = name as keyof Schemas;
	let json: unknown;
	try {
		json = JSON.parse( data );
	} catch {
		throw new Error(
			`The site sent a broken "${ type }" event (not JSON).`
		);
	}
	const checked = schemas[ type ].safeParse( json );
	if ( ! checked.success ) {
		const issue = checked.error.issues[ 0 ];
		throw new Error(
			`The site sent an unexpected "${ type }" event (${
				issue?.path.join( '.' ) || 'data'
			}: ${ issue?.message ?? 'invalid' }).`
		);
	}
	return { type, ...checked.data } as StreamEvent;
}
