/**
 * Warm pool: CLI processes spawned ahead, each waiting for a request. Processes are keyed by
 * model (the CLI fixes it at spawn). A reusable process may come back after its request
 * (`giveBack`), bound to the system prompt it was started with, and then serves only requests
 * with that same system prompt; a fresh one serves any. Refills follow the most recently
 * requested model; live processes (idle + lent out) never exceed the pool size for long.
 */

export interface Warm {
	readonly key: string;
	readonly ready: boolean;
	readonly alive: boolean;
	readonly exited: Promise<void>;
	/** The system prompt a used process is bound to; undefined while fresh (serves any). */
	readonly boundTo: string | undefined;
	/** May come back after a request (the driver's reuse check passed). */
	readonly reusable: boolean;
	kill(): Promise<void>;
}

export interface WarmPoolStats {
	size: number;
	ready: number;
	starting: number;
	/** Processes serving a request now that will come back to the pool. */
	lent: number;
	served_warm: number;
	served_cold: number;
	/** Of served_warm: requests served by a process that had served another before. */
	served_reused: number;
	/** Processes ended because they reached the request or age limit. */
	recycled: number;
}

export class WarmPool<T extends Warm> {
	private readonly idle: T[] = [];
	private readonly lent = new Set<T>();
	private readonly watched = new WeakSet<T>();
	private wantedKey: string;
	private failures = 0;
	private retryTimer: NodeJS.Timeout | undefined;
	private refillTimer: NodeJS.Timeout | undefined;
	private closed = false;
	private warm = 0;
	private cold = 0;
	private reused = 0;
	private recycledCount = 0;

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

	/**
	 * A waiting process for `key` (removed from the pool), or undefined: the caller spawns cold.
	 * `system`: a process bound to exactly this system prompt first, else a fresh one.
	 */
	take( key: string, system = '' ): T | undefined {
		this.wantedKey = key;
		const candidates = this.idle.filter( ( p ) => p.key === key && p.alive && ( p.boundTo === undefined || p.boundTo === system ) );
		const rank = ( p: T ) => ( p.boundTo === system ? 0 : 2 ) + ( p.ready ? 0 : 1 );
		const chosen = candidates.sort( ( a, b ) => rank( a ) - rank( b ) )[ 0 ];
		if ( chosen ) {
			this.idle.splice( this.idle.indexOf( chosen ), 1 );
			this.warm++;
			if ( chosen.boundTo !== undefined ) {
				this.reused++;
			}
			if ( chosen.reusable ) {
				this.lent.add( chosen );
			} else {
				this.refillLater();
			}
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

	/** A reusable process whose request ended cleanly (and that is clearing or clear) waits again. */
	giveBack( process: T ): void {
		this.lent.delete( process );
		if ( this.closed || ! process.alive ) {
			void process.kill();
			this.refillLater();
			return;
		}
		this.idle.push( process );
		this.watch( process );
		// Over the size (a cold process came back too, or the size is 0): the one idle longest goes.
		while ( this.idle.length + this.lent.size > this.size && this.idle.length > 0 ) {
			void this.idle.shift()!.kill();
		}
	}

	/** A lent process that will not come back (failed, aborted or recycled). */
	discard( process: T, recycled = false ): void {
		this.lent.delete( process );
		if ( recycled ) {
			this.recycledCount++;
		}
	}

	stats(): WarmPoolStats {
		const ready = this.idle.filter( ( p ) => p.ready && p.alive ).length;
		return {
			size: this.size,
			ready,
			starting: this.idle.length - ready,
			lent: this.lent.size,
			served_warm: this.warm,
			served_cold: this.cold,
			served_reused: this.reused,
			recycled: this.recycledCount,
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
		// Lent processes count: they come back, and a spare spawned now would only be evicted then.
		while ( ! this.closed && this.idle.length + this.lent.size < this.size ) {
			const process = this.spawn( this.wantedKey );
			this.idle.push( process );
			this.watch( process );
		}
	}

	private watch( process: T ): void {
		if ( ! this.watched.has( process ) ) {
			this.watched.add( process );
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
