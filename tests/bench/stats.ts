// Small timing helpers shared by the benchmarks: wall-clock samples and percentiles.

/** Percentile (0..100) of the samples by nearest rank. */
export function percentile( samples: number[], p: number ): number {
	if ( samples.length === 0 ) {
		return NaN;
	}
	const sorted = [ ...samples ].sort( ( a, b ) => a - b );
	const rank = Math.min( sorted.length - 1, Math.max( 0, Math.ceil( ( p / 100 ) * sorted.length ) - 1 ) );
	return sorted[ rank ] ?? NaN;
}

/** Runs `fn` `warmup` times unmeasured, then `n` times measured; returns milliseconds per run. */
export async function sample( n: number, fn: () => Promise<unknown>, warmup = 3 ): Promise<number[]> {
	for ( let i = 0; i < warmup; i++ ) {
		await fn();
	}
	const out: number[] = [];
	for ( let i = 0; i < n; i++ ) {
		const t0 = performance.now();
		await fn();
		out.push( performance.now() - t0 );
	}
	return out;
}

/** Rounds to 2 decimals so the JSON stays readable. */
export function round( x: number ): number {
	return Math.round( x * 100 ) / 100;
}
