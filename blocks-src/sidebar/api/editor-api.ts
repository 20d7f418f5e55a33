/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { parseBody } from '../../../admin-src/shared/parse-body';
import type { ChatMessage, TaskRoute, Totals } from '../store/types';
import { fallbackSchema, usageSchema } from '../stream/events';

const NS = '/agentic-writer/v1';

const routeStep = z.object( {
	provider: z.string(),
	label: z.string(),
	kind: z.catch( z.enum( [ 'local', 'cloud', '' ] ), '' ),
	model: z.string(),
	state: z.catch(
		z.enum( [ 'ready', 'breaker_open', 'unconfigured' ] ),
		'unconfigured'
	),
} );
const taskRoute = z.extend( routeStep, {
	message: z.optional( z.string() ),
	chain: z.array( routeStep ),
} );
const tasksBody = z.object( { tasks: z.record( z.string(), taskRoute ) } );

const totals = z.object( {
	requests: z.number(),
	tokens_prompt: z.number(),
	tokens_completion: z.number(),
	cost_usd: z.object( {
		metered: z.number(),
		estimated: z.number(),
		subscription: z.number(),
		local: z.number(),
	} ),
} );
const usageBody = z.object( { post: z.nullable( totals ), today: totals } );

const chatMessage = z.object( {
	role: z.enum( [ 'user', 'assistant' ] ),
	content: z.string(),
	at: z.optional( z.string() ),
	meta: z.optional(
		z.extend( usageSchema, { provider: z.string(), model: z.string() } )
	),
} );
const chatBody = z.object( { messages: z.array( chatMessage ) } );

const imageBody = z.object( {
	attachment_id: z.number(),
	url: z.string(),
	alt: z.string(),
	request_id: z.string(),
	provider: z.string(),
	model: z.string(),
	featured: z.optional( z.boolean() ),
	caption: z.optional( z.string() ),
	usage: usageSchema,
	fallbacks: z.array( fallbackSchema ),
} );
export type ImageBody = z.infer< typeof imageBody >;

/** What serves each task now, without secrets (any role that can write). */
export async function fetchTaskRoutes(): Promise<
	Record< string, TaskRoute >
> {
	const body = await apiFetch( { path: `${ NS }/editor/tasks` } );
	return parseBody( tasksBody, body, 'tasks' ).tasks;
}

/**
 * Running totals for a post and for the author's day.
 * @param postId The post being edited.
 */
export async function fetchTotals(
	postId: number
): Promise< { post: Totals | null; today: Totals } > {
	const query = postId > 0 ? `?post_id=${ postId }` : '';
	const body = await apiFetch( { path: `${ NS }/editor/usage${ query }` } );
	return parseBody( usageBody, body, 'usage' );
}

export async function fetchChat( postId: number ): Promise< ChatMessage[] > {
	const body = await apiFetch( { path: `${ NS }/chat/${ postId }` } );
	return parseBody( chatBody, body, 'chat' ).messages;
}

export async function appendChat(
	postId: number,
	messages: ChatMessage[]
): Promise< ChatMessage[] > {
	const body = await apiFetch( {
		path: `${ NS }/chat/${ postId }`,
		method: 'POST',
		data: {
			messages: messages.map( ( { role, content, meta } ) =>
				meta ? { role, content, meta } : { role, content }
			),
		},
	} );
	return parseBody( chatBody, body, 'chat' ).messages;
}

export async function clearChat( postId: number ): Promise< void > {
	await apiFetch( { path: `${ NS }/chat/${ postId }`, method: 'DELETE' } );
}

export interface ImageParams {
	prompt: string;
	aspect_ratio: string;
	post_id?: number;
	featured: boolean;
}

export async function generateImage(
	params: ImageParams
): Promise< ImageBody > {
	const body = await apiFetch( {
		path: `${ NS }/image`,
		method: 'POST',
		data: params,
	} );
	return parseBody( imageBody, body, 'image' );
}
