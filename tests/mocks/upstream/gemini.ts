/**
 * The Gemini API (`POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent`
 * with `alt=sse`, `:countTokens`), as the `gemini` CLI calls it with `GOOGLE_GEMINI_BASE_URL`
 * and an API key (`x-goog-api-key`). Same replies, token counts and directives as the other
 * APIs; `systemInstruction` counts as the system prompt.
 */

import { beforeFirstByte, type ErrorWriter, type Exchange, sendJson } from './exchange.ts';
import { type Conversation, composeReply, inputTokens, limitOutput, splitChunks, textsOf } from './reply.ts';
import { chunkCount, runStream, sseFrame } from './sse.ts';

interface Content {
	role?: string;
	parts?: Array<{ text?: string }>;
}

interface GeminiBody {
	contents: Content[];
	systemInstruction?: Content;
	generationConfig?: { maxOutputTokens?: number };
}

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

export function geminiError( exchange: Exchange ): ErrorWriter {
	return ( status, message, retryAfter ) => {
		sendJson( exchange.res, status, { error: { code: status, message, status: STATUS_NAMES[ status ] ?? 'UNKNOWN' } }, retryAfter !== undefined ? { 'retry-after': String( retryAfter ) } : {} );
	};
}

const partsText = ( content: Content | undefined ) => textsOf( content?.parts ?? [] );

function conversationOf( body: GeminiBody ): Conversation {
	const lastUser = [ ...body.contents ].reverse().find( ( c ) => c.role !== 'model' );
	const system = partsText( body.systemInstruction );
	return {
		allTexts: [ ...system, ...body.contents.flatMap( partsText ) ],
		systemText: system.join( '\n' ),
		lastUserText: partsText( lastUser ).join( '\n' ),
	};
}

/** `/v1beta/models/gemini-2.5-flash:streamGenerateContent` → model and method. */
export function geminiRoute( route: string ): { model: string; method: string } | undefined {
	const match = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/.exec( route );
	return match ? { model: decodeURIComponent( match[ 1 ]! ), method: match[ 2 ]! } : undefined;
}

export async function handleGemini( exchange: Exchange ): Promise<void> {
	const { model, method } = geminiRoute( exchange.route )!;
	const record = exchange.body as Record<string, unknown> | null;
	if ( record === null || typeof record !== 'object' || ! Array.isArray( record.contents ) ) {
		geminiError( exchange )( 400, '* GenerateContentRequest.contents: contents is not specified' );
		return;
	}
	const body = record as unknown as GeminiBody;
	const conversation = conversationOf( body );
	if ( method === 'countTokens' ) {
		sendJson( exchange.res, 200, { totalTokens: inputTokens( conversation ) } );
		return;
	}
	const directive = exchange.resolveDirective( conversation.allTexts );
	const streaming = method === 'streamGenerateContent';
	if ( ! ( await beforeFirstByte( exchange, directive, geminiError( exchange ), streaming ) ) ) {
		return;
	}
	const output = limitOutput( composeReply( model, conversation, directive ), body.generationConfig?.maxOutputTokens );
	const promptTokenCount = inputTokens( conversation );
	const usageMetadata = { promptTokenCount, candidatesTokenCount: output.outputTokens, totalTokenCount: promptTokenCount + output.outputTokens };
	const finishReason = output.truncated ? 'MAX_TOKENS' : 'STOP';
	const candidate = ( text: string, finish?: string ) => ( { content: { parts: [ { text } ], role: 'model' }, index: 0, ...( finish ? { finishReason: finish } : {} ) } );
	if ( ! streaming ) {
		sendJson( exchange.res, 200, { candidates: [ candidate( output.text, finishReason ) ], usageMetadata, modelVersion: model } );
		return;
	}
	const chunks = splitChunks( output.text, chunkCount( directive, exchange.defaultChunks ) );
	const deltas = chunks.map( ( text, i ) =>
		sseFrame( { candidates: [ candidate( text, i === chunks.length - 1 ? finishReason : undefined ) ], ...( i === chunks.length - 1 ? { usageMetadata } : { usageMetadata: { promptTokenCount } } ), modelVersion: model } )
	);
	await runStream( exchange.res, exchange.signal, { head: [], deltas, tail: [] }, directive, directive.delayMs ?? exchange.defaultChunkDelayMs );
}
