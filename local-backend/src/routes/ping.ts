/**
 * `GET /ping`: without the key, only whether this backend can serve (`status`) and its
 * `version` — enough for a liveness check, nothing about the machine. With the key (or on a
 * backend without one), also the drivers (CLI path, version, login state and method), the warm
 * pool and the queue. Never a secret.
 */

import type { RequestHandler } from 'express';

import { sumPoolStats, type TierMap } from '../drivers/engine-router.ts';
import type { Driver } from '../drivers/types.ts';
import { keyMatches, presentedKey } from '../middleware/auth.ts';
import type { ConcurrencyLimiter } from '../concurrency-limiter.ts';

export const VERSION = '0.1.0';

export function pingRoute( drivers: Driver[], limiter: ConcurrencyLimiter, apiKey: string, tiers: TierMap = {} ): RequestHandler {
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
		const engines = statuses.filter( ( s ) => s.version !== null ).map( ( s ) => s.name );
		res.json( { ...alive, engines, tiers, drivers: statuses, pool, queue: limiter.stats() } );
	};
}
