/**
 * Server-sent events on an express response: headers once, each event flushed as written.
 */

import type { Response } from 'express';

/** Headers are not flushed alone: they leave with the first event, in one packet. */
export function openEventStream( res: Response ): void {
	res.status( 200 );
	res.set( {
		'Content-Type': 'text/event-stream; charset=utf-8',
		'Cache-Control': 'no-cache',
		Connection: 'keep-alive',
		'X-Accel-Buffering': 'no',
	} );
	// Nagle would hold small deltas back for tens of milliseconds.
	res.socket?.setNoDelay( true );
}

export function formatEvent( data: unknown, event?: string ): string {
	return `${ event ? `event: ${ event }\n` : '' }data: ${ typeof data === 'string' ? data : JSON.stringify( data ) }\n\n`;
}

export function writeEvent( res: Response, data: unknown, event?: string ): void {
	writeRaw( res, formatEvent( data, event ) );
}

export function writeRaw( res: Response, text: string ): void {
	if ( res.writableEnded || res.destroyed ) {
		return;
	}
	res.write( text );
}
