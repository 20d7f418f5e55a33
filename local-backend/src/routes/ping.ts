/**
 * `GET /ping`: without the key, only whether this backend can serve (`status`) and its
 * `version` — enough for a liveness check, nothing about the machine. With the key (or on a
 * backend without one), also the drivers (CLI path, version, login state and method), the warm
 * pool and the queue. Never a secret.
 */

import type { RequestHandler } from 'express';

import type { Driver, PoolStats } from '../drivers/types.ts';
import { keyMatches, presentedKey } from '../middleware/auth.ts';
import type { ConcurrencyLimiter } from '../middleware/limits.ts';

export const VERSION = '0.1.0';

export function pingRoute( drivers: Driver[], limiter: ConcurrencyLimiter, apiKey: string ): RequestHandler {
	return ( req, res ) => {
		const statuses = drivers.map( ( d ) => d.status() );
		const usable = statuses.some( ( s ) => s.version !== null && s.logged_in !== false );
		const alive = { status: usable ? 'ok' : 'degraded', version: VERSION };
		res.set( 'Cache-Control', 'no-store' );
		if ( apiKey !== '' && ! keyMatches( presentedKey( req.headers ), apiKey ) ) {
			res.json( alive );
			return;
		}
		const pool = sumPoolStats( drivers.map( ( d ) => d.poolStats() ) );
		res.json( { ...alive, drivers: statuses, pool, queue: limiter.stats() } );
	};
}

export function sumPoolStats( all: PoolStats[] ): PoolStats {
	const sum: PoolStats = { size: 0, ready: 0, starting: 0, lent: 0, served_warm: 0, served_cold: 0, served_reused: 0, recycled: 0 };
	for ( const stats of all ) {
		for ( const key of Object.keys( sum ) as ( keyof PoolStats )[] ) {
			sum[ key ] += stats[ key ];
		}
	}
	return sum;
}
