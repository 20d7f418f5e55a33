/**
 * The OpenAI Chat Completions API (`POST /v1/chat/completions`, JSON and SSE) and
 * `POST /v1/images/generations`. Under `/api/v1` it behaves like OpenRouter: `usage.cost`,
 * a catalogue check on `model`, and `images` on the message when `modalities` asks for them.
 */

import { randomBytes } from 'node:crypto';

import { beforeFirstByte, type ErrorWriter, type Exchange, sendJson } from './exchange.ts';
import { costUsd, findModel } from './openrouter-models.ts';
import { MOCK_PNG_BASE64, MOCK_PNG_DATA_URL } from './png.ts';
import { type Conversation, composeReply, inputTokens, limitOutput, splitChunks, textsOf, tokensFor } from './reply.ts';
import { chunkCount, runStream, sseFrame } from './sse.ts';

function openAiErrorType( status: number ): { type: string; code: string | null } {
	switch ( status ) {
		case 401:
			return { type: 'invalid_request_error', code: 'invalid_api_key' };
		case 403:
			return { type: 'permission_error', code: null };
		case 404:
			return { type: 'not_found_error', code: null };
		case 429:
			return { type: 'rate_limit_error', code: 'rate_limit_exceeded' };
		default:
			return status >= 500 ? { type: 'server_error', code: null } : { type: 'invalid_request_error', code: null };
	}
}

export function openAiError( exchange: Exchange, param: string | null = null ): ErrorWriter {
	return ( status, message, retryAfter ) => {
		const headers: Record<string, string> = { 'x-request-id': `req_mock${ randomBytes( 8 ).toString( 'hex' ) }` };
		if ( retryAfter !== undefined ) {
			headers[ 'retry-after' ] = String( retryAfter );
		}
		sendJson( exchange.res, status, { error: { message, ...openAiErrorType( status ), param } }, headers );
	};
}

interface ChatBody {
	model: string;
	messages: Array<{ role: string; content: unknown }>;
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
	max_tokens?: number;
	max_completion_tokens?: number;
	modalities?: string[];
}

function validate( body: unknown, openRouter: boolean ): { param: string; message: string; status?: number } | ChatBody {
	if ( body === null || typeof body !== 'object' || Array.isArray( body ) ) {
		return { param: 'body', message: 'Request body must be a JSON object.' };
	}
	const record = body as Record<string, unknown>;
	if ( typeof record.model !== 'string' || record.model === '' ) {
		return { param: 'model', message: 'you must provide a model parameter' };
	}
	if ( openRouter && ! findModel( record.model ) ) {
		return { param: 'model', message: `${ record.model } is not a valid model ID` };
	}
	if ( ! Array.isArray( record.messages ) || record.messages.length === 0 ) {
		return { param: 'messages', message: "'messages' is a required property and must be a non-empty array" };
	}
	for ( const [ index, message ] of record.messages.entries() ) {
		if ( typeof ( message as Record<string, unknown> | null )?.role !== 'string' ) {
			return { param: `messages[${ index }].role`, message: `Missing required parameter: 'messages[${ index }].role'.` };
		}
	}
	return body as ChatBody;
}

function conversationOf( body: ChatBody ): Conversation {
	const systemTexts = body.messages
		.filter( ( message ) => message.role === 'system' || message.role === 'developer' )
		.flatMap( ( message ) => textsOf( message.content ) );
	const lastUser = [ ...body.messages ].reverse().find( ( message ) => message.role === 'user' );
	return {
		allTexts: body.messages.flatMap( ( message ) => textsOf( message.content ) ),
		systemText: systemTexts.join( '\n' ),
		lastUserText: lastUser ? textsOf( lastUser.content ).join( '\n' ) : '',
	};
}

export async function handleChatCompletions( exchange: Exchange ): Promise<void> {
	const body = validate( exchange.body, exchange.openRouter );
	if ( 'param' in body ) {
		openAiError( exchange, body.param )( 400, body.message );
		return;
	}
	const writeError = openAiError( exchange );
	const conversation = conversationOf( body );
	const directive = exchange.resolveDirective( conversation.allTexts );
	const streaming = body.stream === true;
	if ( ! ( await beforeFirstByte( exchange, directive, writeError, streaming ) ) ) {
		return;
	}

	const output = limitOutput( composeReply( body.model, conversation, directive ), body.max_completion_tokens ?? body.max_tokens );
	const promptTokens = inputTokens( conversation );
	const usage: Record<string, number> = {
		prompt_tokens: promptTokens,
		completion_tokens: output.outputTokens,
		total_tokens: promptTokens + output.outputTokens,
	};
	if ( exchange.openRouter ) {
		usage.cost = costUsd( body.model, promptTokens, output.outputTokens );
	}
	const finishReason = output.truncated ? 'length' : 'stop';
	const images = body.modalities?.includes( 'image' )
		? [ { type: 'image_url', image_url: { url: MOCK_PNG_DATA_URL } } ]
		: undefined;
	const id = `chatcmpl-mock${ randomBytes( 12 ).toString( 'hex' ) }`;
	const created = Math.floor( Date.now() / 1000 );
	const base = { id, created, model: body.model, system_fingerprint: null, ...( exchange.openRouter ? { provider: 'Mock' } : {} ) };

	if ( ! streaming ) {
		sendJson( exchange.res, 200, {
			...base,
			object: 'chat.completion',
			choices: [
				{
					index: 0,
					message: {
						role: 'assistant',
						content: output.text,
						refusal: null,
						annotations: [],
						...( images ? { images } : {} ),
					},
					logprobs: null,
					finish_reason: finishReason,
				},
			],
			usage,
		} );
		return;
	}

	// OpenRouter always ends a stream with usage; OpenAI only when asked.
	const includeUsage = exchange.openRouter || body.stream_options?.include_usage === true;
	const chunk = ( delta: Record<string, unknown>, finish: string | null = null ) =>
		sseFrame( {
			...base,
			object: 'chat.completion.chunk',
			choices: [ { index: 0, delta, logprobs: null, finish_reason: finish } ],
			...( includeUsage ? { usage: null } : {} ),
		} );
	const tail = [ ...( images ? [ chunk( { images } ) ] : [] ), chunk( {}, finishReason ) ];
	if ( includeUsage ) {
		tail.push( sseFrame( { ...base, object: 'chat.completion.chunk', choices: [], usage } ) );
	}
	tail.push( 'data: [DONE]\n\n' );
	await runStream(
		exchange.res,
		exchange.signal,
		{
			// OpenRouter sends SSE comments while it waits for the provider: clients must skip them.
			head: [ ...( exchange.openRouter ? [ ': OPENROUTER PROCESSING\n\n' ] : [] ), chunk( { role: 'assistant', content: '' } ) ],
			deltas: splitChunks( output.text, chunkCount( directive, exchange.defaultChunks ) ).map( ( content ) =>
				chunk( { content } )
			),
			tail,
		},
		directive,
		directive.delayMs ?? exchange.defaultChunkDelayMs
	);
}

export async function handleImageGenerations( exchange: Exchange ): Promise<void> {
	const record = exchange.body as Record<string, unknown> | null;
	if ( record === null || typeof record !== 'object' || typeof record.prompt !== 'string' || record.prompt === '' ) {
		openAiError( exchange, 'prompt' )( 400, "Missing required parameter: 'prompt'." );
		return;
	}
	const directive = exchange.resolveDirective( [ record.prompt ] );
	if ( ! ( await beforeFirstByte( exchange, directive, openAiError( exchange ), false ) ) ) {
		return;
	}
	const count = Math.min( Math.max( Number.isInteger( record.n ) ? ( record.n as number ) : 1, 1 ), 4 );
	const asUrl = record.response_format === 'url';
	const inputTokensCount = tokensFor( record.prompt.length );
	sendJson( exchange.res, 200, {
		created: Math.floor( Date.now() / 1000 ),
		data: Array.from( { length: count }, () =>
			asUrl ? { url: MOCK_PNG_DATA_URL, revised_prompt: record.prompt } : { b64_json: MOCK_PNG_BASE64, revised_prompt: record.prompt }
		),
		usage: { input_tokens: inputTokensCount, output_tokens: 0, total_tokens: inputTokensCount },
	} );
}
