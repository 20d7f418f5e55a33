// One HTTP request on a fresh connection (as WordPress makes upstream, as curl would), timed to
// the first streamed delta, the last body byte and the connection's close.
import { request } from 'node:http';

export interface Timed {
	status: number;
	/** Until the last body byte. */
	total: number;
	/** Until the server closed the connection: all its work for the request, done after the body included. */
	closed: number;
	/** Until the first delta: WordPress's `event: delta`, an OpenAI chunk's content, an Anthropic text_delta. */
	firstDelta: number;
	body: string;
}

export function timed( url: string, method: string, headers: Record< string, string >, body?: string ): Promise< Timed > {
	return new Promise( ( resolve, reject ) => {
		const t0 = performance.now();
		let firstDelta = NaN;
		let text = '';
		const req = request( url, { method, headers, agent: false }, ( res ) => {
			res.setEncoding( 'utf8' );
			res.on( 'data', ( chunk: string ) => {
				text += chunk;
				if ( Number.isNaN( firstDelta ) && ( text.includes( 'event: delta' ) || text.includes( '"content":"M' ) || text.includes( 'text_delta' ) ) ) {
					firstDelta = performance.now() - t0;
				}
			} );
			let total = NaN;
			res.on( 'end', () => {
				total = performance.now() - t0;
			} );
			res.socket.on( 'close', () => resolve( { status: res.statusCode ?? 0, total: Number.isNaN( total ) ? performance.now() - t0 : total, closed: performance.now() - t0, firstDelta, body: text } ) );
		} );
		req.on( 'error', reject );
		req.end( body );
	} );
}
