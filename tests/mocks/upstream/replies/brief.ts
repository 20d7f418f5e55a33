/**
 * What the replies take from the author's text: a short excerpt to echo (so a test sees its
 * own prompt come back) and the topic a brief is about (so outlines and questions read as if
 * written for it).
 */

import { stripDirectives } from '../directives.ts';

const EXCERPT_CHARS = 60;
const TOPIC_CHARS = 48;

function cut( text: string, max: number ): string {
	const points = Array.from( text );
	return points.length > max ? `${ points.slice( 0, max ).join( '' ).trimEnd() }…` : text;
}

/** The first 60 characters of the text, directives removed, whitespace collapsed. */
export function excerptOf( text: string ): string {
	const clean = stripDirectives( text ).replace( /\s+/g, ' ' ).trim();
	const points = Array.from( clean );
	return points.length > EXCERPT_CHARS ? `${ points.slice( 0, EXCERPT_CHARS ).join( '' ) }…` : clean;
}

/**
 * "Write a post about winter beekeeping." → "winter beekeeping". Falls back to the excerpt
 * when the brief does not say "about …" / "on …".
 */
export function topicOf( brief: string ): string {
	const clean = stripDirectives( brief ).replace( /\s+/g, ' ' ).trim();
	const about = /\b(?:about|on|covering)\s+(.+)$/i.exec( clean )?.[ 1 ] ?? clean;
	const firstSentence = about.split( /(?<=[.!?])\s/ )[ 0 ] ?? about;
	const topic = firstSentence.replace( /[.!?:;,]+$/, '' ).trim();
	return cut( topic === '' ? 'your topic' : topic, TOPIC_CHARS );
}

/** "winter beekeeping" → "Winter beekeeping". */
export function capitalized( text: string ): string {
	const [ first = '', ...rest ] = Array.from( text );
	return first.toUpperCase() + rest.join( '' );
}

/** Words as a reader counts them: Markdown markup, table pipes and list bullets are not words. */
export function wordCount( text: string ): number {
	return text.match( /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu )?.length ?? 0;
}
