/**
 * Concurrency limit with a bounded queue: past it, 429 with a Retry-After estimated from how
 * long recent requests took.
 */

import { ApiError } from './middleware/errors.ts';

interface Waiter {
	grant: () => void;
	signal: AbortSignal;
	onAbort: () => void;
}

export interface LimiterStats {
	running: number;
	waiting: number;
	concurrency: number;
	queue_limit: number;
	rejected: number;
}

export class ConcurrencyLimiter {
	private running = 0;
	private readonly waiters: Waiter[] = [];
	private rejected = 0;
	private recentMs: number[] = [];

	constructor(
		private readonly concurrency: number,
		private readonly queueLimit: number
	) {}

	/** Resolves with a release function once a slot is free; throws ApiError('rate_limit') when the queue is full. */
	async acquire( signal: AbortSignal ): Promise<() => void> {
		if ( this.running < this.concurrency && this.waiters.length === 0 ) {
			return this.grant();
		}
		if ( this.waiters.length >= this.queueLimit ) {
			this.rejected++;
			throw new ApiError(
				'rate_limit',
				`the local backend is busy: ${ this.running } requests running and ${ this.waiters.length } waiting (AW_BACKEND_CONCURRENCY=${ this.concurrency }, AW_BACKEND_QUEUE=${ this.queueLimit }); retry shortly`,
				this.retryAfterSeconds()
			);
		}
		await new Promise<void>( ( resolve, reject ) => {
			const waiter: Waiter = {
				grant: () => {
					signal.removeEventListener( 'abort', waiter.onAbort );
					resolve();
				},
				signal,
				onAbort: () => {
					const index = this.waiters.indexOf( waiter );
					if ( index !== -1 ) {
						this.waiters.splice( index, 1 );
					}
					reject( new ApiError( 'api', 'request aborted while queued' ) );
				},
			};
			signal.addEventListener( 'abort', waiter.onAbort, { once: true } );
			this.waiters.push( waiter );
		} );
		return this.grant( true );
	}

	stats(): LimiterStats {
		return { running: this.running, waiting: this.waiters.length, concurrency: this.concurrency, queue_limit: this.queueLimit, rejected: this.rejected };
	}

	private grant( handedOver = false ): () => void {
		if ( ! handedOver ) {
			this.running++;
		}
		const started = performance.now();
		let released = false;
		return () => {
			if ( released ) {
				return;
			}
			released = true;
			this.recentMs = [ ...this.recentMs.slice( -19 ), performance.now() - started ];
			const next = this.waiters.shift();
			if ( next ) {
				next.grant(); // The slot passes straight on: running stays the same.
			} else {
				this.running--;
			}
		};
	}

	private retryAfterSeconds(): number {
		const average = this.recentMs.length ? this.recentMs.reduce( ( a, b ) => a + b, 0 ) / this.recentMs.length : 1000;
		return Math.max( 1, Math.ceil( ( average * ( this.waiters.length / this.concurrency + 1 ) ) / 1000 ) );
	}
}
