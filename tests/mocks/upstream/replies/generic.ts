/**
 * The task-blind reply: one sentence echoing the prompt, or a small JSON object when the word
 * JSON appears. Used for anything that is not an Agentic Writer task prompt, and for every
 * request carrying `reply=generic`.
 */

import { stripDirectives } from '../directives.ts';
import { excerptOf } from './brief.ts';

export interface GenericInput {
	systemText: string;
	lastUserText: string;
}

export function wantsJson( conversation: GenericInput ): boolean {
	const asks = /\bjson\b/i;
	return asks.test( stripDirectives( conversation.systemText ) ) || asks.test( stripDirectives( conversation.lastUserText ) );
}

export function genericReply( model: string, conversation: GenericInput ): string {
	const excerpt = excerptOf( conversation.lastUserText );
	if ( wantsJson( conversation ) ) {
		return JSON.stringify( { mock: true, model, reply: `Mock reply from ${ model }.`, echo: excerpt } );
	}
	return (
		`Mock reply from ${ model }. You wrote: “${ excerpt }”. ` +
		'This answer comes from the Agentic Writer mock upstream. It is deterministic, so tests can rely on it.'
	);
}
