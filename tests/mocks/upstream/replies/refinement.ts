/**
 * The refinement task's answer: the selection (between `<<<` and `>>>`, see
 * Task_Prompts::refinement_turn) given back with "Rewritten: " before its first text, every
 * HTML tag, block comment and Markdown mark left exactly where it was, so a test can check
 * that Replace keeps formatting.
 */

import { removeMarkers } from '../directives.ts';

export const REWRITE_PREFIX = 'Rewritten: ';

/** The selected text of a refinement turn; the whole text when it has no `<<<` … `>>>`. */
export function selectionOf( userText: string ): string {
	const text = removeMarkers( userText );
	// Greedy up to the last `>>>`, so a selection that itself contains ">>>" stays whole.
	const match = /<<<\r?\n([\s\S]*)\r?\n>>>/.exec( text );
	return match?.[ 1 ] ?? text.trim();
}

/** Where a line's Markdown block marker ends: `## `, `> `, `- `, `* `, `+ `, `1. `, `1) `. */
const LINE_MARKER = /^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)+/;

/** Index of the first character of visible text: after tags, comments, whitespace and line markers. */
export function firstTextIndex( text: string ): number {
	let i = 0;
	let atLineStart = true;
	while ( i < text.length ) {
		const rest = text.slice( i );
		if ( rest.startsWith( '<!--' ) ) {
			const end = text.indexOf( '-->', i + 4 );
			i = end === -1 ? text.length : end + 3;
			continue;
		}
		const tag = /^<\/?[A-Za-z][^>]*>/.exec( rest );
		if ( tag ) {
			i += tag[ 0 ].length;
			continue;
		}
		const char = text[ i ] ?? '';
		if ( /\s/.test( char ) ) {
			atLineStart ||= char === '\n';
			i++;
			continue;
		}
		if ( atLineStart ) {
			atLineStart = false;
			const marker = LINE_MARKER.exec( rest );
			if ( marker ) {
				i += marker[ 0 ].length;
				continue;
			}
		}
		return i;
	}
	return text.length;
}

export function rewrite( selection: string ): string {
	const at = firstTextIndex( selection );
	return selection.slice( 0, at ) + REWRITE_PREFIX + selection.slice( at );
}

export function refinementReply( userText: string ): string {
	return rewrite( selectionOf( userText ) );
}
