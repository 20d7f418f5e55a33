/**
 * Internal dependencies
 */
import { MarkdownStreamSplitter } from './stream-splitter';

/**
 * Streams the pieces through a splitter.
 *
 * @param pieces Text as it arrives.
 * @return The finished chunks in order, and what `finish()` returned.
 */
function stream( pieces: string[] ): { finished: string[]; rest: string } {
	const splitter = new MarkdownStreamSplitter();
	const finished: string[] = [];
	for ( const piece of pieces ) {
		const result = splitter.push( piece );
		if ( result.finished ) {
			finished.push( result.finished );
		}
	}
	return { finished, rest: splitter.finish() };
}

function splitAt( text: string, points: number[] ): string[] {
	const bounds = [ 0, ...points, text.length ];
	return bounds
		.slice( 1 )
		.map( ( end, i ) => text.slice( bounds[ i ], end ) );
}

/**
 * Offsets where finished chunks end.
 *
 * @param chunks Finished chunks in order.
 */
function boundaries( chunks: string[] ): number[] {
	let offset = 0;
	return chunks.map( ( chunk ) => ( offset += chunk.length ) );
}

const DOC =
	'Intro line\nstill intro\n\n' +
	'## Heading\n' +
	'Text under it.\n\n' +
	'- a\n- b\n\n  loose\n- c\n\n' +
	'1. one\n2. two\n\n' +
	'```\ncode\n\n## not\n```\n\n' +
	'> quote\n\n' +
	'End.';

// Where DOC's blocks end: a finished chunk may only ever end at one of these.
const DOC_BLOCKS = [
	'Intro line\nstill intro\n\n',
	'## Heading\n',
	'Text under it.\n\n',
	'- a\n- b\n\n  loose\n- c\n\n',
	'1. one\n2. two\n\n',
	'```\ncode\n\n## not\n```\n\n',
	'> quote\n\n',
];
const DOC_BOUNDARIES = boundaries( DOC_BLOCKS );

describe( 'MarkdownStreamSplitter', () => {
	it( 'splits a whole document fed at once into its blocks, the last one left open', () => {
		expect( stream( [ DOC ] ) ).toEqual( {
			finished: [ DOC_BLOCKS.join( '' ) ],
			rest: 'End.',
		} );
	} );

	it( 'finishes each block once, character by character', () => {
		expect( stream( Array.from( DOC ) ) ).toEqual( {
			finished: DOC_BLOCKS,
			rest: 'End.',
		} );
	} );

	it( 'split anywhere in two: the chunks and the tail spell the text, and end only at block ends', () => {
		for ( let point = 0; point <= DOC.length; point++ ) {
			const { finished, rest } = stream( splitAt( DOC, [ point ] ) );
			// The split point is in the compared value so a failure names it.
			expect( { point, text: finished.join( '' ) + rest } ).toEqual( {
				point,
				text: DOC,
			} );
			expect( {
				point,
				ends: boundaries( finished ).filter(
					( end ) => ! DOC_BOUNDARIES.includes( end )
				),
			} ).toEqual( { point, ends: [] } );
		}
	} );

	it( 'keeps the text and the block ends whatever the piece sizes', () => {
		for ( const size of [ 2, 3, 5, 8, 13 ] ) {
			for ( let shift = 0; shift < size; shift++ ) {
				const points: number[] = [];
				for ( let p = shift; p < DOC.length; p += size ) {
					points.push( p );
				}
				const { finished, rest } = stream( splitAt( DOC, points ) );
				expect( finished.join( '' ) + rest ).toBe( DOC );
				expect( boundaries( finished ).slice( -1 )[ 0 ] ).toBe(
					DOC_BOUNDARIES[ DOC_BOUNDARIES.length - 1 ]
				);
				for ( const end of boundaries( finished ) ) {
					expect( DOC_BOUNDARIES ).toContain( end );
				}
			}
		}
	} );

	it( 'finishes a paragraph at a blank line, not at a single line break', () => {
		const splitter = new MarkdownStreamSplitter();
		expect( splitter.push( 'One line\n' ) ).toMatchObject( {
			finished: '',
			tail: 'One line\n',
		} );
		expect( splitter.push( 'and the next' ) ).toMatchObject( {
			finished: '',
			tail: 'One line\nand the next',
		} );
		expect( splitter.push( '\n\n' ) ).toMatchObject( {
			finished: 'One line\nand the next\n\n',
			tail: '',
		} );
		expect( splitter.push( 'Second' ) ).toMatchObject( {
			finished: '',
			tail: 'Second',
		} );
		expect( splitter.finish() ).toBe( 'Second' );
	} );

	it( 'does not finish a list at a blank line: a loose list goes on', () => {
		const splitter = new MarkdownStreamSplitter();
		expect( splitter.push( '- a\n- b\n\n' ).finished ).toBe( '' );
		expect( splitter.push( '- c\n\n' ).finished ).toBe( '' );
		expect( splitter.push( '  more of c\n\n' ).finished ).toBe( '' );
		expect( splitter.push( 'After the list.' ) ).toMatchObject( {
			finished: '- a\n- b\n\n- c\n\n  more of c\n\n',
			tail: 'After the list.',
		} );
	} );

	it( 'finishes a list when a heading follows it directly', () => {
		const splitter = new MarkdownStreamSplitter();
		expect( splitter.push( '- a\n- b\n' ).finished ).toBe( '' );
		expect( splitter.push( '## Next' ) ).toMatchObject( {
			finished: '- a\n- b\n',
			tail: '## Next',
		} );
	} );

	it( 'does not finish a fence at the blank lines inside it, only once it is closed', () => {
		const splitter = new MarkdownStreamSplitter();
		for ( const piece of [
			'```js\n',
			'const a = 1;\n\n',
			'\n## not a heading\n\n',
			'more();\n\n',
		] ) {
			expect( splitter.push( piece ).finished ).toBe( '' );
		}
		expect( splitter.push( '```\n' ).finished ).toBe( '' );
		expect( splitter.push( '\nNext' ) ).toMatchObject( {
			finished:
				'```js\nconst a = 1;\n\n\n## not a heading\n\nmore();\n\n```\n\n',
			tail: 'Next',
		} );
	} );

	it( 'makes consecutive lists separate finished chunks', () => {
		const { finished, rest } = stream(
			Array.from( '- a\n- b\n\n1. c\n2. d\n\n* e\n\nDone.' )
		);
		expect( finished ).toEqual( [
			'- a\n- b\n\n',
			'1. c\n2. d\n\n',
			'* e\n\n',
		] );
		expect( rest ).toBe( 'Done.' );
	} );

	it( 'finishes a heading when the next line starts a block, without a blank line', () => {
		const splitter = new MarkdownStreamSplitter();
		expect( splitter.push( '## Title' ).finished ).toBe( '' );
		// Still the heading's line.
		expect( splitter.push( ' goes on\n' ).finished ).toBe( '' );
		expect( splitter.push( 'T' ) ).toMatchObject( {
			finished: '## Title goes on\n',
			tail: 'T',
		} );
		expect( splitter.push( 'ext\n### Sub\n' ) ).toMatchObject( {
			finished: 'Text\n',
			tail: '### Sub\n',
		} );
	} );

	it( 'keeps a paragraph that a setext underline could turn into a heading open', () => {
		const splitter = new MarkdownStreamSplitter();
		expect( splitter.push( 'Title\n' ).finished ).toBe( '' );
		expect( splitter.push( '---' ).finished ).toBe( '' );
		expect( splitter.push( '\n\nBody' ) ).toMatchObject( {
			finished: 'Title\n---\n\n',
			tail: 'Body',
		} );
	} );

	it( 'finishes quotes and tables at a blank line', () => {
		const { finished, rest } = stream(
			Array.from( '> q1\n> q2\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nEnd' )
		);
		expect( finished ).toEqual( [
			'> q1\n> q2\n\n',
			'| a | b |\n| - | - |\n| 1 | 2 |\n\n',
		] );
		expect( rest ).toBe( 'End' );
	} );

	it( 'reads CRLF and CR as line breaks, even split between pieces', () => {
		const { finished, rest } = stream( [
			'One\r',
			'\n\r',
			'\nTwo\r\r',
			'Three',
		] );
		expect( finished ).toEqual( [ 'One\n\n', 'Two\n\n' ] );
		expect( rest ).toBe( 'Three' );
	} );

	it( 'returns the tail once: finish() empties it', () => {
		const splitter = new MarkdownStreamSplitter();
		splitter.push( 'Unfinished' );
		expect( splitter.finish() ).toBe( 'Unfinished' );
		expect( splitter.finish() ).toBe( '' );
		expect( splitter.push( 'New' ) ).toMatchObject( {
			finished: '',
			tail: 'New',
		} );
	} );
} );

describe( 'MarkdownStreamSplitter pieces', () => {
	it( 'cuts what it finished into one string per block, in order', () => {
		const splitter = new MarkdownStreamSplitter();
		const { finished, pieces } = splitter.push(
			'## Title\nIntro.\n\n- a\n- b\n\n1. c\n\n> quote\n\nTail'
		);
		expect( pieces ).toEqual( [
			'## Title\n',
			'Intro.\n\n',
			'- a\n- b\n\n',
			'1. c\n\n',
			'> quote\n\n',
		] );
		expect( pieces.join( '' ) ).toBe( finished );
	} );
} );
