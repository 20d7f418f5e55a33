/**
 * An incremental parser for Server-Sent Events (the WHATWG event-stream format): feed it text as
 * it arrives, get whole events back. Comments (keep-alives) are dropped; an event still open when
 * the stream ends is never returned, so a cut stream cannot pass a half event on.
 */
export interface SseMessage {
	event: string;
	data: string;
}

export class SseParser {
	private buffer = '';
	private event = '';
	private data: string[] = [];
	// The last chunk ended with a CR, already taken as a line end: an LF next completes that CRLF.
	private afterCr = false;

	/**
	 * Parses a chunk; returns the events it completed.
	 *
	 * @param chunk Decoded text, any size, may split lines anywhere.
	 */
	feed( chunk: string ): SseMessage[] {
		if ( chunk === '' ) {
			return [];
		}
		this.buffer +=
			this.afterCr && chunk.startsWith( '\n' ) ? chunk.slice( 1 ) : chunk;
		this.afterCr = false;
		const out: SseMessage[] = [];
		let start = 0;
		for (;;) {
			const lf = this.buffer.indexOf( '\n', start );
			const cr = this.buffer.indexOf( '\r', start );
			let end = Math.min( ...[ lf, cr ].filter( ( i ) => i !== -1 ) );
			end = Number.isFinite( end ) ? end : -1;
			if ( end === -1 ) {
				break;
			}
			const line = this.buffer.slice( start, end );
			if ( this.buffer[ end ] === '\r' ) {
				if ( this.buffer[ end + 1 ] === '\n' ) {
					end++;
				} else {
					// A CR ending the chunk may be the first half of a CRLF split across chunks.
					this.afterCr = end === this.buffer.length - 1;
				}
			}
			start = end + 1;
			const message = this.line( line );
			if ( message ) {
				out.push( message );
			}
		}
		this.buffer = this.buffer.slice( start );
		return out;
	}

	private line( line: string ): SseMessage | null {
		if ( line === '' ) {
			if ( this.data.length === 0 ) {
				this.event = '';
				return null;
			}
			const message = {
				event: this.event || 'message',
				data: this.data.join( '\n' ),
			};
			this.event = '';
			this.data = [];
			return message;
		}
		if ( line.startsWith( ':' ) ) {
			return null;
		}
		const colon = line.indexOf( ':' );
		const field = colon === -1 ? line : line.slice( 0, colon );
		let value = colon === -1 ? '' : line.slice( colon + 1 );
		if ( value.startsWith( ' ' ) ) {
			value = value.slice( 1 );
		}
		if ( field === 'event' ) {
			this.event = value;
		} else if ( field === 'data' ) {
			this.data.push( value );
		}
		return null;
	}
}
