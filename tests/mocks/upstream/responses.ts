/**
 * The OpenAI Responses API (`POST /v1/responses`, JSON and SSE), as the `codex` CLI calls it
 * through a `model_providers` entry with `wire_api = "responses"`. Same replies, token counts and
 * directives as the other APIs; the instructions count as the system prompt.
 */

import { randomBytes } from 'node:crypto';

import { beforeFirstByte, type Exchange, sendJson } from './exchange.ts';
import { openAiError } from './openai.ts';
import { type Conversation, composeReply, inputTokens, limitOutput, splitChunks, textsOf } from './reply.ts';
import { chunkCount, runStream, sseFrame } from './sse.ts';

interface ResponsesBody {
	model: string;
	instructions?: string;
	input: string | Array<{ type?: string; role?: string; content?: unknown }>;
	stream?: boolean;
	max_output_tokens?: number;
}

function conversationOf( body: ResponsesBody ): Conversation {
	const items = typeof body.input === 'string' ? [ { role: 'user', content: body.input } ] : body.input;
	const messages = items.filter( ( item ) => ( item.type ?? 'message' ) === 'message' );
	const system = [ body.instructions ?? '', ...messages.filter( ( m ) => m.role === 'system' || m.role === 'developer' ).flatMap( ( m ) => textsOf( m.content ) ) ].filter( Boolean );
	const lastUser = [ ...messages ].reverse().find( ( m ) => m.role === 'user' );
	return {
		allTexts: [ ...( body.instructions ? [ body.instructions ] : [] ), ...messages.flatMap( ( m ) => textsOf( m.content ) ) ],
		systemText: system.join( '\n' ),
		lastUserText: lastUser ? textsOf( lastUser.content ).join( '\n' ) : '',
	};
}

export async function handleResponses( exchange: Exchange ): Promise<void> {
	const record = exchange.body as Record<string, unknown> | null;
	if ( record === null || typeof record !== 'object' || typeof record.model !== 'string' || record.model === '' ) {
		openAiError( exchange, 'model' )( 400, 'Missing required parameter: \'model\'.' );
		return;
	}
	if ( typeof record.input !== 'string' && ! Array.isArray( record.input ) ) {
		openAiError( exchange, 'input' )( 400, 'Missing required parameter: \'input\'.' );
		return;
	}
	const body = record as unknown as ResponsesBody;
	const conversation = conversationOf( body );
	const directive = exchange.resolveDirective( conversation.allTexts );
	const streaming = body.stream === true;
	if ( ! ( await beforeFirstByte( exchange, directive, openAiError( exchange ), streaming ) ) ) {
		return;
	}
	const output = limitOutput( composeReply( body.model, conversation, directive ), body.max_output_tokens );
	const input = inputTokens( conversation );
	const usage = {
		input_tokens: input,
		input_tokens_details: { cached_tokens: 0 },
		output_tokens: output.outputTokens,
		output_tokens_details: { reasoning_tokens: 0 },
		total_tokens: input + output.outputTokens,
	};
	const id = `resp_mock${ randomBytes( 12 ).toString( 'hex' ) }`;
	const itemId = `msg_mock${ randomBytes( 12 ).toString( 'hex' ) }`;
	const created_at = Math.floor( Date.now() / 1000 );
	const status = output.truncated ? 'incomplete' : 'completed';
	const part = { type: 'output_text', text: output.text, annotations: [] };
	const item = { id: itemId, type: 'message', role: 'assistant', status: 'completed', content: [ part ] };
	const response = ( state: string, extra: Record<string, unknown> = {} ) => ( {
		id,
		object: 'response',
		created_at,
		status: state,
		model: body.model,
		output: [] as unknown[],
		usage: null as unknown,
		...( output.truncated && state !== 'in_progress' ? { incomplete_details: { reason: 'max_output_tokens' } } : {} ),
		...extra,
	} );
	if ( ! streaming ) {
		sendJson( exchange.res, 200, response( status, { output: [ item ], usage } ) );
		return;
	}
	let sequence = 0;
	const event = ( type: string, data: Record<string, unknown> ) => sseFrame( { type, sequence_number: sequence++, ...data }, type );
	const where = { item_id: itemId, output_index: 0, content_index: 0 };
	const head = [
		event( 'response.created', { response: response( 'in_progress' ) } ),
		event( 'response.in_progress', { response: response( 'in_progress' ) } ),
		event( 'response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } } ),
		event( 'response.content_part.added', { ...where, part: { type: 'output_text', text: '', annotations: [] } } ),
	];
	const deltas = splitChunks( output.text, chunkCount( directive, exchange.defaultChunks ) ).map( ( delta ) => event( 'response.output_text.delta', { ...where, delta } ) );
	const tail = [
		event( 'response.output_text.done', { ...where, text: output.text } ),
		event( 'response.content_part.done', { ...where, part } ),
		event( 'response.output_item.done', { output_index: 0, item } ),
		event( output.truncated ? 'response.incomplete' : 'response.completed', { response: response( status, { output: [ item ], usage } ) } ),
	];
	await runStream( exchange.res, exchange.signal, { head, deltas, tail }, directive, directive.delayMs ?? exchange.defaultChunkDelayMs );
}
