/**
 * Per-request timing of each hop, for profiling only: with `AW_BACKEND_TRACE=1` every
 * generation writes one JSON line to stderr with milliseconds since the request arrived
 * (`{"aw_trace":{"accept":0,"validated":0.31,…}}`); otherwise each mark is one boolean test.
 * The backend bench turns these lines into a per-hop breakdown.
 */

export type Hop =
	| 'accept'
	| 'validated'
	| 'slot'
	| 'pool_take'
	| 'stdin_write'
	| 'first_stdout_line'
	| 'first_text_line'
	| 'first_sse_write'
	| 'end';

export const TRACE_ENABLED = process.env.AW_BACKEND_TRACE === '1';

export class RequestTrace {
	private readonly started = performance.now();
	private readonly marks: Partial<Record<Hop, number>> = {};

	/** The first time a hop is reached counts. */
	mark( hop: Hop ): void {
		if ( this.marks[ hop ] === undefined ) {
			this.marks[ hop ] = Math.round( ( performance.now() - this.started ) * 1000 ) / 1000;
		}
	}

	flush(): void {
		process.stderr.write( `${ JSON.stringify( { aw_trace: this.marks } ) }\n` );
	}
}

/** A trace when tracing is on, else undefined (callers use `trace?.mark(…)`). */
export function startTrace(): RequestTrace | undefined {
	if ( ! TRACE_ENABLED ) {
		return undefined;
	}
	const trace = new RequestTrace();
	trace.mark( 'accept' );
	return trace;
}
