/**
 * Internal dependencies
 */
import { SseParser, type SseMessage } from './sse-parser';

/**
 * Feeds the pieces one after the other and collects every event they complete.
 *
 * @param pieces Decoded text as it would arrive.
 */
function parse( pieces: string[] ): SseMessage[] {
	const parser = new SseParser();
	return pieces.flatMap( ( piece ) => parser.feed( piece ) );
}

const STREAM =
	'event: start\ndata: {"request_id":"r1"}\n\n' +
	': keep-alive\n\n' +
	'event: delta\ndata: {"text":"Hel"}\n\n' +
	'event: delta\ndata: {"text":"lo"}\n\n' +
	'event: done\ndata: {"ok":true}\n\n';

const EXPECTED: SseMessage[] = [
	{ event: 'start', data: '{"request_id":"r1"}' },
	{ event: 'delta', data: '{"text":"Hel"}' },
	{ event: 'delta', data: '{"text":"lo"}' },
	{ event: 'done', data: '{"ok":true}' },
];

describe( 'SseParser', () => {
	it( 'parses a whole stream fed at once', () => {
		expect( parse( [ STREAM ] ) ).toEqual( EXPECTED );
	} );

	it( 'gives the same events when the stream arrives byte by byte', () => {
		expect( parse( Array.from( STREAM ) ) ).toEqual( EXPECTED );
	} );

	it( 'gives the same events wherever the stream is split in two or three', () => {
		for ( let i = 0; i <= STREAM.length; i++ ) {
			expect(
				parse( [ STREAM.slice( 0, i ), STREAM.slice( i ) ] )
			).toEqual( EXPECTED );
			const j = Math.min( STREAM.length, i + 7 );
			expect(
				parse( [
					STREAM.slice( 0, i ),
					STREAM.slice( i, j ),
					STREAM.slice( j ),
				] )
			).toEqual( EXPECTED );
		}
	} );

	it.each( [
		[ 'CRLF', '\r\n' ],
		[ 'CR', '\r' ],
	] )( 'accepts %s line endings, split anywhere', ( _name, eol ) => {
		const stream = STREAM.replace( /\n/g, eol );
		expect( parse( [ stream ] ) ).toEqual( EXPECTED );
		expect( parse( Array.from( stream ) ) ).toEqual( EXPECTED );
		for ( let i = 0; i <= stream.length; i++ ) {
			expect(
				parse( [ stream.slice( 0, i ), stream.slice( i ) ] )
			).toEqual( EXPECTED );
		}
	} );

	it( 'reads a CR at the end of a chunk and the LF at the start of the next as one line end', () => {
		const parser = new SseParser();
		expect( parser.feed( 'data: a\r' ) ).toEqual( [] );
		// Were the CR and the LF two line ends, the LF would be a blank line ending the event here.
		expect( parser.feed( '\ndata: b\r' ) ).toEqual( [] );
		expect( parser.feed( '\n\r' ) ).toEqual( [
			{ event: 'message', data: 'a\nb' },
		] );
		expect( parser.feed( '\n' ) ).toEqual( [] );
		expect( parser.feed( 'data: c\r\n\r\n' ) ).toEqual( [
			{ event: 'message', data: 'c' },
		] );
	} );

	it( 'returns a CR-terminated event as soon as its blank line arrives, not a chunk later', () => {
		const parser = new SseParser();
		expect( parser.feed( 'data: a\r' ) ).toEqual( [] );
		expect( parser.feed( '\r' ) ).toEqual( [
			{ event: 'message', data: 'a' },
		] );
		// The stream may end right there: the last event (often `done`) must not wait for more.
		expect( parse( [ 'event: done\rdata: {}\r\r' ] ) ).toEqual( [
			{ event: 'done', data: '{}' },
		] );
	} );

	it( 'skips an LF after a chunk-ending CR only once', () => {
		const parser = new SseParser();
		expect( parser.feed( 'data: a\r' ) ).toEqual( [] );
		expect( parser.feed( '' ) ).toEqual( [] );
		// The first LF completes the CRLF; the second is the blank line that ends the event.
		expect( parser.feed( '\n' ) ).toEqual( [] );
		expect( parser.feed( '\n' ) ).toEqual( [
			{ event: 'message', data: 'a' },
		] );
	} );

	it( 'accepts mixed line endings in one stream', () => {
		expect(
			parse( [
				'event: a\r\ndata: 1\r\rdata: 2\n\r\nevent: b\rdata: 3\n\n',
			] )
		).toEqual( [
			{ event: 'a', data: '1' },
			{ event: 'message', data: '2' },
			{ event: 'b', data: '3' },
		] );
	} );

	it( 'joins several data lines with a line feed', () => {
		expect(
			parse( [ 'event: delta\ndata: one\ndata:\ndata:  three\n\n' ] )
		).toEqual( [ { event: 'delta', data: 'one\n\n three' } ] );
	} );

	it( 'removes only one space after the colon', () => {
		expect( parse( [ 'data:no space\n\ndata:   three\n\n' ] ) ).toEqual( [
			{ event: 'message', data: 'no space' },
			{ event: 'message', data: '  three' },
		] );
	} );

	it( 'names an event without an event field "message"', () => {
		expect( parse( [ 'data: hi\n\n' ] ) ).toEqual( [
			{ event: 'message', data: 'hi' },
		] );
	} );

	it( 'does not carry an event name over to the next event', () => {
		expect( parse( [ 'event: delta\ndata: 1\n\ndata: 2\n\n' ] ) ).toEqual( [
			{ event: 'delta', data: '1' },
			{ event: 'message', data: '2' },
		] );
	} );

	it( 'ignores comments, keep-alives and blank lines between events', () => {
		expect(
			parse( [
				': ping\n\n:\n\n\n\nevent: delta\n: inside an event\ndata: x\n\n: bye\n\n',
			] )
		).toEqual( [ { event: 'delta', data: 'x' } ] );
	} );

	it( 'drops an event name that has no data', () => {
		expect( parse( [ 'event: delta\n\ndata: x\n\n' ] ) ).toEqual( [
			{ event: 'message', data: 'x' },
		] );
	} );

	it( 'ignores fields it does not know (id, retry, others)', () => {
		expect(
			parse( [ 'id: 7\nretry: 1000\nfoo: bar\nevent: e\ndata: d\n\n' ] )
		).toEqual( [ { event: 'e', data: 'd' } ] );
	} );

	it( 'keeps colons and non-ASCII text in data', () => {
		expect( parse( [ 'data: {"text":"a: b — ünïcode ✓"}\n\n' ] ) ).toEqual(
			[ { event: 'message', data: '{"text":"a: b — ünïcode ✓"}' } ]
		);
	} );

	it.each( [
		[ 'mid-line', 'event: delta\ndata: {"text":"cut he' ],
		[ 'after a data line', 'event: delta\ndata: {"text":"x"}\n' ],
		[
			'after a CR that could start a CRLF',
			'event: delta\ndata: {"text":"x"}\r',
		],
		[ 'in the middle of the event field', 'event: del' ],
	] )(
		'never returns an event still open when the stream is cut %s',
		( _where, cut ) => {
			const parser = new SseParser();
			const events = [
				...parser.feed( 'event: start\ndata: {}\n\n' ),
				...Array.from( cut ).flatMap( ( c ) => parser.feed( c ) ),
			];
			expect( events ).toEqual( [ { event: 'start', data: '{}' } ] );
		}
	);
} );
