/**
 * Warm pool: CLI processes spawned ahead, each waiting for one request. A process is taken
 * once and never returned, so no request can see another's conversation. Processes are keyed
 * (by model: the CLI fixes it at spawn); refills follow the most recently requested key.
 */

export interface Warm {
	readonly key: string;
	readonly ready: boolean;
	readonly alive: boolean;
	readonly exited: Promise<void>;
	kill(): Promise<void>;
}

export interface WarmPoolStats {
	size: number;
	ready: number;
	starting: number;
	served_warm: number;
	served_cold: number;
}

export class WarmPool<T extends Warm> {
	private readonly idle: T[] = [];
	private wantedKey: string;
	private failures = 0;
	private retryTimer: NodeJS.Timeout | undefined;
	private refillTimer: NodeJS.Timeout | undefined;
	private closed = false;
	private warm = 0;
	private cold = 0;

	/**
	 * `refillDelayMs`: a CLI starting up takes a core for most of a second; starting the
	 * replacement right when a request takes a process would slow that very request's first
	 * token. So refills wait until the request ends (`refillNow`) or this delay passes.
	 */
	constructor(
		private readonly size: number,
		private readonly spawn: ( key: string ) => T,
		defaultKey: string,
		private readonly refillDelayMs = 1500
	) {
		this.wantedKey = defaultKey;
	}

	start(): void {
		this.refill();
	}

	/** A waiting process for `key` (removed from the pool), or undefined: the caller spawns cold. */
	take( key: string ): T | undefined {
		this.wantedKey = key;
		const candidates = this.idle.filter( ( p ) => p.key === key && p.alive );
		const chosen = candidates.find( ( p ) => p.ready ) ?? candidates[ 0 ];
		if ( chosen ) {
			this.idle.splice( this.idle.indexOf( chosen ), 1 );
			this.warm++;
			this.refillLater();
			return chosen;
		}
		this.cold++;
		// Make room for the model people are asking for now.
		const stale = this.idle.find( ( p ) => p.key !== key );
		if ( stale && this.idle.length >= this.size ) {
			this.idle.splice( this.idle.indexOf( stale ), 1 );
			void stale.kill();
		}
		this.refillLater();
		return undefined;
	}

	stats(): WarmPoolStats {
		const ready = this.idle.filter( ( p ) => p.ready && p.alive ).length;
		return {
			size: this.size,
			ready,
			starting: this.idle.length - ready,
			served_warm: this.warm,
			served_cold: this.cold,
		};
	}

	/** A request has ended: its core is free for a replacement now. */
	refillNow(): void {
		clearTimeout( this.refillTimer );
		this.refillTimer = undefined;
		this.refill();
	}

	async close(): Promise<void> {
		this.closed = true;
		clearTimeout( this.retryTimer );
		clearTimeout( this.refillTimer );
		const all = this.idle.splice( 0 );
		await Promise.all( all.map( ( p ) => p.kill() ) );
	}

	private refillLater(): void {
		if ( this.refillDelayMs === 0 ) {
			this.refill();
			return;
		}
		this.refillTimer ??= setTimeout( () => this.refillNow(), this.refillDelayMs );
		this.refillTimer.unref();
	}

	private refill(): void {
		if ( this.retryTimer ) {
			return;
		}
		while ( ! this.closed && this.idle.length < this.size ) {
			const process = this.spawn( this.wantedKey );
			this.idle.push( process );
			void process.exited.then( () => this.onExit( process ) );
		}
	}

	private onExit( process: T ): void {
		const index = this.idle.indexOf( process );
		if ( index === -1 || this.closed ) {
			return;
		}
		// Died while waiting: a broken CLI must not become a spawn loop.
		this.idle.splice( index, 1 );
		if ( process.ready ) {
			this.failures = 0;
			this.refill();
			return;
		}
		this.failures++;
		const delay = Math.min( 30_000, 250 * 2 ** this.failures );
		this.retryTimer = setTimeout( () => {
			this.retryTimer = undefined;
			this.refill();
		}, delay );
		this.retryTimer.unref();
	}

	/** A process became ready: the CLI works, so forget earlier failures. */
	markHealthy(): void {
		this.failures = 0;
	}
}
