/**
 * The writing task's answer: a deterministic Markdown draft. A line `Section: <heading>` in the
 * author's text asks for that section only, under that heading; the directive `words=N` makes
 * the draft about N words long (the editor benchmarks stream long drafts).
 */

import { removeMarkers } from '../directives.ts';
import { capitalized, excerptOf, topicOf, wordCount } from './brief.ts';
import { longDraftPart, showcaseBody } from './markdown-blocks.ts';

/** The heading a `Section: …` line names, if any. */
export function requestedSection( userText: string ): string | undefined {
	const heading = /^[ \t]*Section:[ \t]*(.+?)[ \t]*$/im.exec( removeMarkers( userText ) )?.[ 1 ];
	return heading === undefined || heading === '' ? undefined : heading.replace( /^#+\s*/, '' );
}

export function writingReply( model: string, userText: string, words?: number ): string {
	const section = requestedSection( userText );
	// Says what wrote it and echoes the prompt, like the generic reply, so tests can see which
	// provider answered and that their prompt arrived.
	const intro =
		`Mock reply from ${ model }. You wrote: “${ excerptOf( userText ) }”. ` +
		'This draft comes from the Agentic Writer mock upstream and is the same every time.';
	const blocks =
		section === undefined
			? [ intro, `## ${ capitalized( topicOf( userText ) ) }`, showcaseBody() ]
			: [ `## ${ section }`, intro, showcaseBody() ];
	if ( words !== undefined ) {
		const level = section === undefined ? '##' : '###';
		let count = wordCount( blocks.join( '\n\n' ) );
		for ( let index = 0; count < words; index++ ) {
			const part = longDraftPart( index, level );
			blocks.push( part );
			count += wordCount( part );
		}
	}
	return blocks.join( '\n\n' );
}
