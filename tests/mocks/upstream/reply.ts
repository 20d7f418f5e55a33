/**
 * The deterministic reply and token counts both APIs share, so a test can predict them.
 */

import type { Directive } from './directives.ts';
import { clarityReply } from './replies/clarity.ts';
import { genericReply } from './replies/generic.ts';
import { planningReply } from './replies/planning.ts';
import { refinementReply } from './replies/refinement.ts';
import { detectTask } from './replies/task.ts';
import { writingReply } from './replies/writing.ts';
import { xssReply } from './replies/xss.ts';

export { excerptOf } from './replies/brief.ts';
export { wantsJson } from './replies/generic.ts';

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

/**
 * The answer to a conversation. Agentic Writer's task prompts get an answer of the shape the
 * task asks for (see replies/); anything else, and every request with `reply=generic`, gets the
 * task-blind sentence or JSON; `reply=xss` gets hostile Markdown.
 */
export function composeReply( model: string, conversation: Conversation, directive: Directive = {} ): string {
	if ( directive.reply === 'generic' ) {
		return genericReply( model, conversation );
	}
	if ( directive.reply === 'xss' ) {
		return xssReply();
	}
	switch ( detectTask( conversation.systemText ) ) {
		case 'clarity':
			return clarityReply( conversation.lastUserText );
		case 'planning':
			return planningReply( conversation.lastUserText );
		case 'writing':
			return writingReply( model, conversation.lastUserText, directive.words );
		case 'refinement':
			return refinementReply( conversation.lastUserText );
		default:
			return genericReply( model, conversation );
	}
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
