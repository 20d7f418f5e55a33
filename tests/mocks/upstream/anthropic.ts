/**
 * The Anthropic Messages API: `POST /v1/messages` (JSON and SSE) and `/v1/messages/count_tokens`.
 */

import { randomBytes } from 'node:crypto';

import { beforeFirstByte, type ErrorWriter, type Exchange, sendJson } from './exchange.ts';
import { type Conversation, composeReply, inputTokens, limitOutput, splitChunks, textsOf } from './reply.ts';
import { chunkCount, runStream, sseFrame } from './sse.ts';

type AnthropicErrorType =
	| 'invalid_request_error'
	| 'authentication_error'
	| 'permission_error'
	| 'not_found_error'
	| 'request_too_large'
	| 'rate_limit_error'
	| 'api_error'
	| 'overloaded_error';

export function anthropicErrorType( status: number ): AnthropicErrorType {
	switch ( status ) {
		case 401:
			return 'authentication_error';
		case 403:
			return 'permission_error';
		case 404:
			return 'not_found_error';
		case 413:
			return 'request_too_large';
		case 429:
			return 'rate_limit_error';
		case 529:
			return 'overloaded_error';
		default:
			return status >= 500 ? 'api_error' : 'invalid_request_error';
	}
}

function requestId(): string {
	return `req_mock${ randomBytes( 8 ).toString( 'hex' ) }`;
}

export function anthropicError( exchange: Exchange ): ErrorWriter {
	return ( status, message, retryAfter ) => {
		const id = requestId();
		const headers: Record<string, string> = { 'request-id': id };
		if ( retryAfter !== undefined ) {
			headers[ 'retry-after' ] = String( retryAfter );
		}
		sendJson(
			exchange.res,
			status,
			{ type: 'error', error: { type: anthropicErrorType( status ), message }, request_id: id },
			headers
		);
	};
}

interface MessagesBody {
	model: string;
	max_tokens?: number;
	messages: Array<{ role: string; content: unknown }>;
	system?: unknown;
	stream?: boolean;
}

/** Minimal validation, with Anthropic's wording: the first missing or wrong field wins. */
function validate( body: unknown, needsMaxTokens: boolean ): string | MessagesBody {
	if ( body === null || typeof body !== 'object' || Array.isArray( body ) ) {
		return 'Request body must be a JSON object.';
	}
	const record = body as Record<string, unknown>;
	if ( typeof record.model !== 'string' || record.model === '' ) {
		return record.model === undefined ? 'model: Field required' : 'model: Input should be a valid string';
	}
	if ( needsMaxTokens ) {
		if ( record.max_tokens === undefined ) {
			return 'max_tokens: Field required';
		}
		if ( ! Number.isInteger( record.max_tokens ) || ( record.max_tokens as number ) < 1 ) {
			return 'max_tokens: Input should be a positive integer';
		}
	}
	if ( record.messages === undefined ) {
		return 'messages: Field required';
	}
	if ( ! Array.isArray( record.messages ) || record.messages.length === 0 ) {
		return 'messages: at least one message is required';
	}
	for ( const [ index, message ] of record.messages.entries() ) {
		const role = ( message as Record<string, unknown> | null )?.role;
		if ( role !== 'user' && role !== 'assistant' ) {
			return `messages.${ index }.role: Input should be 'user' or 'assistant'`;
		}
	}
	return body as MessagesBody;
}

function conversationOf( body: MessagesBody ): Conversation {
	const systemTexts = textsOf( body.system );
	const messageTexts = body.messages.flatMap( ( message ) => textsOf( message.content ) );
	const lastUser = [ ...body.messages ].reverse().find( ( message ) => message.role === 'user' );
	const lastUserTexts = lastUser ? textsOf( lastUser.content ) : [];
	return {
		allTexts: [ ...systemTexts, ...messageTexts ],
		systemText: systemTexts.join( '\n' ),
		// The claude CLI puts <system-reminder> blocks before the prompt: the prompt is the last block.
		lastUserText: lastUserTexts[ lastUserTexts.length - 1 ] ?? '',
	};
}

export async function handleMessages( exchange: Exchange ): Promise<void> {
	const writeError = anthropicError( exchange );
	const body = validate( exchange.body, true );
	if ( typeof body === 'string' ) {
		writeError( 400, body );
		return;
	}
	const conversation = conversationOf( body );
	const directive = exchange.resolveDirective( conversation.allTexts );
	const streaming = body.stream === true;
	if ( ! ( await beforeFirstByte( exchange, directive, writeError, streaming ) ) ) {
		return;
	}

	const output = limitOutput( composeReply( body.model, conversation, directive ), body.max_tokens );
	const usage = {
		input_tokens: inputTokens( conversation ),
		output_tokens: output.outputTokens,
		cache_creation_input_tokens: 0,
		cache_read_input_tokens: 0,
	};
	const stopReason = output.truncated ? 'max_tokens' : 'end_turn';
	const id = `msg_mock${ randomBytes( 12 ).toString( 'hex' ) }`;
	const headers = { 'request-id': requestId() };

	if ( ! streaming ) {
		sendJson(
			exchange.res,
			200,
			{
				id,
				type: 'message',
				role: 'assistant',
				model: body.model,
				content: [ { type: 'text', text: output.text } ],
				stop_reason: stopReason,
				stop_sequence: null,
				usage,
			},
			headers
		);
		return;
	}

	const chunks = splitChunks( output.text, chunkCount( directive, exchange.defaultChunks ) );
	await runStream(
		exchange.res,
		exchange.signal,
		{
			head: [
				sseFrame(
					{
						type: 'message_start',
						message: {
							id,
							type: 'message',
							role: 'assistant',
							model: body.model,
							content: [],
							stop_reason: null,
							stop_sequence: null,
							usage: { ...usage, output_tokens: 1 },
						},
					},
					'message_start'
				),
				sseFrame( { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start' ),
				sseFrame( { type: 'ping' }, 'ping' ),
			],
			deltas: chunks.map( ( text ) =>
				sseFrame( { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta' )
			),
			tail: [
				sseFrame( { type: 'content_block_stop', index: 0 }, 'content_block_stop' ),
				sseFrame(
					{
						type: 'message_delta',
						delta: { stop_reason: stopReason, stop_sequence: null },
						usage: { output_tokens: usage.output_tokens },
					},
					'message_delta'
				),
				sseFrame( { type: 'message_stop' }, 'message_stop' ),
			],
		},
		directive,
		directive.delayMs ?? exchange.defaultChunkDelayMs,
		headers
	);
}

export async function handleCountTokens( exchange: Exchange ): Promise<void> {
	const writeError = anthropicError( exchange );
	const body = validate( exchange.body, false );
	if ( typeof body === 'string' ) {
		writeError( 400, body );
		return;
	}
	const conversation = conversationOf( body );
	const directive = exchange.resolveDirective( conversation.allTexts );
	if ( ! ( await beforeFirstByte( exchange, directive, writeError, false ) ) ) {
		return;
	}
	sendJson( exchange.res, 200, { input_tokens: inputTokens( conversation ) } );
}
