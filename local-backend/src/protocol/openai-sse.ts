/**
 * The OpenAI Chat Completions API: request schema, the prompt it becomes, the
 * `chat.completion` object and `chat.completion.chunk` events ending in `data: [DONE]`.
 */

import type { Response } from 'express';
import { z } from 'zod';

import { flattenConversation, type Turn } from '../conversation.ts';
import type { CostKind, StopReason, Usage } from '../drivers/types.ts';
import { ApiError, errorBody } from '../middleware/errors.ts';
import type { Outcome } from './anthropic-sse.ts';
import { openEventStream, writeEvent, writeRaw } from './sse.ts';

const part = z.looseObject( { type: z.string() } );

const message = z.looseObject( {
	role: z.enum( [ 'system', 'developer', 'user', 'assistant', 'tool', 'function' ] ),
	content: z.union( [ z.string(), z.array( part ), z.null() ] ).optional(),
} );

export const chatRequest = z.looseObject( {
	model: z.string().min( 1 ),
	messages: z.array( message ).min( 1 ),
	stream: z.boolean().nullish(),
	stream_options: z.looseObject( { include_usage: z.boolean().nullish() } ).nullish(),
	max_tokens: z.number().int().positive().nullish(),
	max_completion_tokens: z.number().int().positive().nullish(),
	temperature: z.number().min( 0 ).max( 2 ).nullish(),
	top_p: z.number().min( 0 ).max( 1 ).nullish(),
	n: z.literal( 1, 'only n=1 is supported by the local backend' ).nullish(),
	stop: z.union( [ z.string(), z.array( z.string() ) ] ).nullish(),
} );

export type ChatRequest = z.infer<typeof chatRequest>;

function contentText( content: z.infer<typeof message>[ 'content' ], path: string ): string {
	if ( content === undefined || content === null ) {
		return '';
	}
	if ( typeof content === 'string' ) {
		return content;
	}
	return content
		.map( ( p, j ) => {
			const x = p as Record<string, unknown>;
			if ( p.type === 'text' ) {
				return typeof x.text === 'string' ? x.text : '';
			}
			throw new ApiError( 'invalid_request', `${ path }.${ j }.type: "${ p.type }" content parts are not supported by the local backend (text only)`, undefined, `${ path }.${ j }.type` );
		} )
		.join( '\n\n' );
}

/** System and developer messages become the system prompt; tool messages become user-side text. */
export function splitChat( body: ChatRequest ): { system: string; turns: Turn[] } {
	const system: string[] = [];
	const turns: Turn[] = [];
	body.messages.forEach( ( m, i ) => {
		const text = contentText( m.content, `messages.${ i }.content` );
		const x = m as Record<string, unknown>;
		switch ( m.role ) {
			case 'system':
			case 'developer':
				system.push( text );
				break;
			case 'assistant': {
				const calls = Array.isArray( x.tool_calls ) ? ( x.tool_calls as { function?: { name?: string; arguments?: string } }[] ) : [];
				const callText = calls.map( ( c ) => `[tool call ${ c.function?.name ?? '' }: ${ c.function?.arguments ?? '' }]` );
				turns.push( { role: 'assistant', text: [ text, ...callText ].filter( Boolean ).join( '\n\n' ) } );
				break;
			}
			case 'tool':
			case 'function':
				turns.push( { role: 'user', text: `[tool result: ${ text }]` } );
				break;
			default:
				turns.push( { role: 'user', text } );
		}
	} );
	if ( ! turns.some( ( t ) => t.role === 'user' ) ) {
		throw new ApiError( 'invalid_request', 'messages: at least one user message is required', undefined, 'messages' );
	}
	return { system: system.join( '\n\n' ), turns };
}

export function chatPrompt( turns: Turn[] ): string {
	return flattenConversation( turns );
}

const FINISH: Record<StopReason, string> = {
	end_turn: 'stop',
	stop_sequence: 'stop',
	pause_turn: 'stop',
	max_tokens: 'length',
	tool_use: 'tool_calls',
	refusal: 'content_filter',
};

export function openaiUsage( usage: Usage, costUsd: number | null, costKind: CostKind ): Record<string, unknown> {
	const cached = usage.cache_read_input_tokens;
	const prompt = usage.input_tokens + usage.cache_creation_input_tokens + cached;
	return {
		prompt_tokens: prompt,
		completion_tokens: usage.output_tokens,
		total_tokens: prompt + usage.output_tokens,
		prompt_tokens_details: { cached_tokens: cached },
		cost_usd: costUsd,
		cost_kind: costKind,
	};
}

export function chatCompletion( o: Outcome, created: number ): Record<string, unknown> {
	return {
		id: `chatcmpl-${ o.id.replace( /^msg_/, '' ) }`,
		object: 'chat.completion',
		created,
		model: o.model,
		choices: [ { index: 0, message: { role: 'assistant', content: o.text, refusal: null }, logprobs: null, finish_reason: FINISH[ o.stopReason ] } ],
		usage: openaiUsage( o.usage, o.costUsd, o.costKind ),
	};
}

export class OpenAIStream {
	private opened = false;
	private id = '';
	private model = '';
	private readonly created = Math.floor( Date.now() / 1000 );

	constructor(
		private readonly res: Response,
		private readonly includeUsage: boolean
	) {}

	get started(): boolean {
		return this.opened;
	}

	private chunk( choices: unknown[], extra: Record<string, unknown> = {} ): void {
		writeEvent( this.res, {
			id: this.id,
			object: 'chat.completion.chunk',
			created: this.created,
			model: this.model,
			choices,
			...( this.includeUsage ? { usage: null } : {} ),
			...extra,
		} );
	}

	start( id: string, model: string ): void {
		openEventStream( this.res );
		this.opened = true;
		this.id = `chatcmpl-${ id.replace( /^msg_/, '' ) }`;
		this.model = model;
		this.chunk( [ { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null } ] );
	}

	text( text: string ): void {
		this.chunk( [ { index: 0, delta: { content: text }, logprobs: null, finish_reason: null } ] );
	}

	end( stopReason: StopReason, usage: Usage, costUsd: number | null, costKind: CostKind ): void {
		this.chunk( [ { index: 0, delta: {}, logprobs: null, finish_reason: FINISH[ stopReason ] } ] );
		if ( this.includeUsage ) {
			this.chunk( [], { usage: openaiUsage( usage, costUsd, costKind ) } );
		}
		writeEvent( this.res, '[DONE]' );
		this.res.end();
	}

	/** An SSE comment: clients skip it. */
	ping(): void {
		writeRaw( this.res, ': keep-alive\n\n' );
	}

	fail( error: ApiError ): void {
		writeEvent( this.res, errorBody( error, 'openai' ) );
		this.res.end();
	}
}
