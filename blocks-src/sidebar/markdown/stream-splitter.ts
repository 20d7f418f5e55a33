/**
 * External dependencies
 */
import { Lexer, type Token } from 'marked';

/**
 * Splits a streamed Markdown answer into finished blocks and the unfinished tail, so finished
 * blocks are converted once and only the tail is re-parsed as text arrives.
 *
 * A block is finished when another block follows it, or when a blank line follows it outside a
 * code fence — except a list, which a blank line does not end (a loose list goes on).
 */
export class MarkdownStreamSplitter {
	private tail = '';
	// The last piece ended with a CR: an LF starting the next one is the rest of that CRLF.
	private afterCr = false;

	/**
	 * Adds streamed text.
	 *
	 * @param text Next piece of the answer.
	 * @return Markdown of the blocks this piece finished (possibly empty), the same cut into one
	 *         string per block, and the current tail.
	 */
	push( text: string ): { finished: string; pieces: string[]; tail: string } {
		// Nothing new: the tail was lexed as it is and nothing in it was finished.
		if ( text === '' ) {
			return { finished: '', pieces: [], tail: this.tail };
		}
		const piece =
			this.afterCr && text.startsWith( '\n' ) ? text.slice( 1 ) : text;
		this.afterCr = text.endsWith( '\r' );
		this.tail += piece.replace( /\r\n?/g, '\n' );
		const tokens: Token[] = Lexer.lex( this.tail );
		// The lexer's raw pieces must spell the text exactly; if not, keep everything as tail.
		if ( tokens.map( ( t ) => t.raw ).join( '' ) !== this.tail ) {
			return { finished: '', pieces: [], tail: this.tail };
		}
		const pieces: string[] = [];
		let consumed = 0;
		let offset = 0;
		for ( let i = 0; i < tokens.length; i++ ) {
			const token = tokens[ i ]!;
			offset += token.raw.length;
			if ( token.type === 'space' ) {
				continue;
			}
			const next = tokens.slice( i + 1 );
			const followedByBlock = next.some( ( t ) => t.type !== 'space' );
			const followedByBlank = next[ 0 ]?.type === 'space';
			if (
				followedByBlock ||
				( followedByBlank && token.type !== 'list' )
			) {
				// Take the blank line(s) after it too.
				const end =
					offset + ( followedByBlank ? next[ 0 ]!.raw.length : 0 );
				pieces.push( this.tail.slice( consumed, end ) );
				consumed = end;
			} else {
				break;
			}
		}
		const finished = this.tail.slice( 0, consumed );
		this.tail = this.tail.slice( consumed );
		return { finished, pieces, tail: this.tail };
	}

	/**
	 * Ends the stream: the tail is finished too.
	 */
	finish(): string {
		const rest = this.tail;
		this.tail = '';
		return rest;
	}
}
