/**
 * The Anthropic Messages API: request schema, the prompt it becomes, the `message` object and
 * the SSE event sequence (message_start, content_block_start, content_block_delta…,
 * content_block_stop, message_delta, message_stop).
 */

import type { Response } from 'express';
import { z } from 'zod';

import { flattenConversation, type Turn } from '../conversation.ts';
import type { CostKind, StopReason, Usage } from '../drivers/types.ts';
import { ApiError, type ErrorKind, errorBody } from '../middleware/errors.ts';
import { formatEvent, openEventStream, writeEvent, writeRaw } from './sse.ts';

const block = z.looseObject( { type: z.string() } );

// `system` messages inside `messages`: the claude CLI 2.1 sends them (agent listings) when its tools are on.
const message = z.looseObject( {
	role: z.enum( [ 'user', 'assistant', 'system' ] ),
	content: z.union( [ z.string(), z.array( block ) ] ),
} );

export const messagesRequest = z.looseObject( {
	model: z.string().min( 1 ),
	max_tokens: z.number().int().positive(),
	messages: z.array( message ).min( 1 ),
	system: z.union( [ z.string(), z.array( z.looseObject( { type: z.literal( 'text' ), text: z.string() } ) ) ] ).optional(),
	stream: z.boolean().optional(),
	temperature: z.number().min( 0 ).max( 1 ).optional(),
	top_p: z.number().min( 0 ).max( 1 ).optional(),
	top_k: z.number().int().min( 0 ).optional(),
	stop_sequences: z.array( z.string() ).optional(),
	metadata: z.looseObject( {} ).optional(),
} );

export type MessagesRequest = z.infer<typeof messagesRequest>;

function toolResultText( content: unknown ): string {
	if ( typeof content === 'string' ) {
		return content;
	}
	if ( Array.isArray( content ) ) {
		return content.map( ( part: { type?: string; text?: string } ) => ( part.type === 'text' ? part.text ?? '' : `[${ part.type ?? 'content' }]` ) ).join( '\n' );
	}
	return '';
}

/** A block as text the CLI can carry; images and documents cannot be passed through the CLI here. */
function blockText( b: z.infer<typeof block>, path: string ): string | undefined {
	const x = b as Record<string, unknown>;
	switch ( b.type ) {
		case 'text':
			return typeof x.text === 'string' ? x.text : '';
		case 'tool_use':
			return `[tool call ${ String( x.name ?? '' ) }: ${ JSON.stringify( x.input ?? {} ) }]`;
		case 'tool_result':
			return `[tool result${ x.is_error ? ' (error)' : '' }: ${ toolResultText( x.content ) }]`;
		case 'thinking':
		case 'redacted_thinking':
			return undefined; // Earlier reasoning is not part of the visible conversation.
		default:
			throw new ApiError( 'invalid_request', `${ path }.type: "${ b.type }" blocks are not supported by the local backend (text only)`, undefined, `${ path }.type` );
	}
}

function messageText( m: MessagesRequest[ 'messages' ][ number ], i: number ): string {
	return typeof m.content === 'string'
		? m.content
		: m.content
				.map( ( b, j ) => blockText( b, `messages.${ i }.content.${ j }` ) )
				.filter( ( t ): t is string => t !== undefined )
				.join( '\n\n' );
}

export function turnsOf( body: MessagesRequest ): Turn[] {
	const turns: Turn[] = [];
	body.messages.forEach( ( m, i ) => {
		if ( m.role !== 'system' ) {
			turns.push( { role: m.role, text: messageText( m, i ) } );
		}
	} );
	if ( ! turns.some( ( t ) => t.role === 'user' ) ) {
		throw new ApiError( 'invalid_request', 'messages: at least one user message is required', undefined, 'messages' );
	}
	return turns;
}

/** The `system` field, then any system messages, in order. */
export function systemOf( body: MessagesRequest ): string {
	const parts: string[] = [];
	if ( typeof body.system === 'string' ) {
		parts.push( body.system );
	} else if ( body.system ) {
		parts.push( body.system.map( ( b ) => b.text ).join( '\n\n' ) );
	}
	body.messages.forEach( ( m, i ) => {
		if ( m.role === 'system' ) {
			parts.push( messageText( m, i ) );
		}
	} );
	return parts.filter( ( p ) => p !== '' ).join( '\n\n' );
}

export function promptOf( body: MessagesRequest ): string {
	return flattenConversation( turnsOf( body ) );
}

export interface Outcome {
	id: string;
	model: string;
	text: string;
	stopReason: StopReason;
	usage: Usage;
	costUsd: number | null;
	costKind: CostKind;
}

/** Usage as the API reports it, plus the CLI's cost figure and what kind of money it is. */
export function usageBlock( usage: Usage, costUsd: number | null, costKind: CostKind ): Record<string, unknown> {
	return { ...usage, cost_usd: costUsd, cost_kind: costKind };
}

export function messageObject( o: Outcome ): Record<string, unknown> {
	return {
		id: o.id,
		type: 'message',
		role: 'assistant',
		model: o.model,
		content: o.text === '' ? [] : [ { type: 'text', text: o.text } ],
		stop_reason: o.stopReason,
		stop_sequence: null,
		usage: usageBlock( o.usage, o.costUsd, o.costKind ),
	};
}

/** Writes the Anthropic event sequence as driver events arrive. */
export class AnthropicStream {
	private opened = false;
	constructor( private readonly res: Response ) {}

	get started(): boolean {
		return this.opened;
	}

	start( id: string, model: string, usage: Usage ): void {
		openEventStream( this.res );
		this.opened = true;
		writeRaw(
			this.res,
			formatEvent(
				{ type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: Math.max( 1, usage.output_tokens ) } } },
				'message_start'
			) + formatEvent( { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start' )
		);
	}

	text( text: string ): void {
		writeEvent( this.res, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta' );
	}

	end( stopReason: StopReason, usage: Usage, costUsd: number | null, costKind: CostKind ): void {
		writeRaw(
			this.res,
			formatEvent( { type: 'content_block_stop', index: 0 }, 'content_block_stop' ) +
				formatEvent( { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: usageBlock( usage, costUsd, costKind ) }, 'message_delta' ) +
				formatEvent( { type: 'message_stop' }, 'message_stop' )
		);
		this.res.end();
	}

	ping(): void {
		writeEvent( this.res, { type: 'ping' }, 'ping' );
	}

	/** After the stream has started the status is sent already: the error goes in an `error` event. */
	fail( error: ApiError ): void {
		writeEvent( this.res, errorBody( error, 'anthropic' ), 'error' );
		this.res.end();
	}
}

export type { ErrorKind };
