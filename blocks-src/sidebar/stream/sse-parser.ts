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

	/**
	 * Parses a chunk; returns the events it completed.
	 *
	 * @param chunk Decoded text, any size, may split lines anywhere.
	 */
	feed( chunk: string ): SseMessage[] {
		this.buffer += chunk;
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
			// A CR as the last character may be the first half of CRLF: wait for more.
			if ( end === cr && end === this.buffer.length - 1 ) {
				break;
			}
			const line = this.buffer.slice( start, end );
			if (
				this.buffer[ end ] === '\r' &&
				this.buffer[ end + 1 ] === '\n'
			) {
				end++;
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
