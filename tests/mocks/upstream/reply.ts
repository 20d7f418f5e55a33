/**
 * The deterministic reply and token counts both APIs share, so a test can predict them.
 */

import { stripDirectives } from './directives.ts';

export const CHARS_PER_TOKEN = 4;

export function tokensFor( chars: number ): number {
	return Math.ceil( chars / CHARS_PER_TOKEN );
}

/** The text pieces of an Anthropic or OpenAI `content` value (string, or array of parts/blocks). */
export function textsOf( content: unknown ): string[] {
	if ( typeof content === 'string' ) {
		return [ content ];
	}
	if ( ! Array.isArray( content ) ) {
		return [];
	}
	const texts: string[] = [];
	for ( const part of content ) {
		if ( typeof part === 'string' ) {
			texts.push( part );
		} else if ( part !== null && typeof part === 'object' ) {
			const record = part as Record<string, unknown>;
			if ( typeof record.text === 'string' ) {
				texts.push( record.text );
			}
			if ( record.content !== undefined ) {
				texts.push( ...textsOf( record.content ) );
			}
		}
	}
	return texts;
}

export interface Conversation {
	/** Every text the model would read: system prompt(s) and all messages. */
	allTexts: string[];
	systemText: string;
	lastUserText: string;
}

export function inputTokens( conversation: Conversation ): number {
	return tokensFor( conversation.allTexts.reduce( ( sum, text ) => sum + text.length, 0 ) );
}

const EXCERPT_CHARS = 60;

export function excerptOf( text: string ): string {
	const clean = stripDirectives( text ).replace( /\s+/g, ' ' ).trim();
	const points = Array.from( clean );
	return points.length > EXCERPT_CHARS ? `${ points.slice( 0, EXCERPT_CHARS ).join( '' ) }…` : clean;
}

export function wantsJson( conversation: Conversation ): boolean {
	const asks = /\bjson\b/i;
	return asks.test( stripDirectives( conversation.systemText ) ) || asks.test( stripDirectives( conversation.lastUserText ) );
}

export function composeReply( model: string, conversation: Conversation ): string {
	const excerpt = excerptOf( conversation.lastUserText );
	if ( wantsJson( conversation ) ) {
		return JSON.stringify( { mock: true, model, reply: `Mock reply from ${ model }.`, echo: excerpt } );
	}
	return (
		`Mock reply from ${ model }. You wrote: “${ excerpt }”. ` +
		'This answer comes from the Agentic Writer mock upstream. It is deterministic, so tests can rely on it.'
	);
}

export interface Output {
	text: string;
	truncated: boolean;
	outputTokens: number;
}

/** Cuts the reply to `maxTokens` when the client asked for fewer tokens than it needs. */
export function limitOutput( text: string, maxTokens: number | undefined ): Output {
	const points = Array.from( text );
	if ( maxTokens !== undefined && tokensFor( points.length ) > maxTokens ) {
		const cut = points.slice( 0, maxTokens * CHARS_PER_TOKEN ).join( '' );
		return { text: cut, truncated: true, outputTokens: tokensFor( Array.from( cut ).length ) };
	}
	return { text, truncated: false, outputTokens: tokensFor( points.length ) };
}

/** Splits text into `count` nearly equal, non-empty pieces (fewer when the text is shorter). */
export function splitChunks( text: string, count: number ): string[] {
	const points = Array.from( text );
	const n = Math.max( 1, Math.min( count, points.length ) );
	const chunks: string[] = [];
	for ( let i = 0; i < n; i++ ) {
		const start = Math.floor( ( i * points.length ) / n );
		const end = Math.floor( ( ( i + 1 ) * points.length ) / n );
		chunks.push( points.slice( start, end ).join( '' ) );
	}
	return chunks;
}
