/**
 * Server-sent events with scripted timing: N deltas `delay` ms apart, then a drop or a stall
 * when a directive asks for one.
 */

import type { ServerResponse } from 'node:http';

import type { Directive } from './directives.ts';
import { dropConnection, holdOpen, sleep } from './exchange.ts';

export interface StreamPlan {
	/** Frames before the first content delta (message_start, role chunk…). */
	head: string[];
	/** One frame per content delta; `drop_after` / `stall_after` count these. */
	deltas: string[];
	/** Frames after the content (stop events, usage, [DONE]). */
	tail: string[];
}

const DROP_GRACE_MS = 50;

export function sseFrame( data: unknown, event?: string ): string {
	const json = typeof data === 'string' ? data : JSON.stringify( data );
	return `${ event ? `event: ${ event }\n` : '' }data: ${ json }\n\n`;
}

/** How many chunks to cut the reply into, so that a drop or stall really happens mid-stream. */
export function chunkCount( directive: Directive, defaultChunks: number ): number {
	const cutAt = Math.max( directive.dropAfter ?? -1, directive.stallAfter ?? -1 );
	return Math.max( directive.chunks ?? defaultChunks, cutAt + 1, 1 );
}

function write( res: ServerResponse, frame: string ): Promise<void> {
	return new Promise( ( resolve ) => {
		res.write( frame, () => resolve() );
	} );
}

export async function runStream(
	res: ServerResponse,
	signal: AbortSignal,
	plan: StreamPlan,
	directive: Directive,
	delayMs: number,
	headers: Record<string, string> = {}
): Promise<void> {
	res.writeHead( 200, {
		'content-type': 'text/event-stream; charset=utf-8',
		'cache-control': 'no-cache',
		connection: 'keep-alive',
		...headers,
	} );
	res.flushHeaders();
	for ( const frame of plan.head ) {
		await write( res, frame );
	}
	for ( let i = 0; i <= plan.deltas.length; i++ ) {
		if ( signal.aborted ) {
			return;
		}
		if ( directive.dropAfter !== undefined && i >= directive.dropAfter ) {
			// A client that sees the reset too early discards deltas it has not parsed yet.
			if ( await sleep( Math.max( delayMs, DROP_GRACE_MS ), signal ) ) {
				dropConnection( res );
			}
			return;
		}
		if ( directive.stallAfter !== undefined && i >= directive.stallAfter ) {
			await holdOpen( signal );
			return;
		}
		if ( i === plan.deltas.length ) {
			break;
		}
		if ( i > 0 && ! ( await sleep( delayMs, signal ) ) ) {
			return;
		}
		await write( res, plan.deltas[ i ]! );
	}
	for ( const frame of plan.tail ) {
		await write( res, frame );
	}
	res.end();
}
