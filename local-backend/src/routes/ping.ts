/**
 * `GET /ping` (no auth): what a person or the plugin needs to see whether this backend can
 * serve, never a secret.
 */

import type { RequestHandler } from 'express';

import type { Driver } from '../drivers/types.ts';
import type { ConcurrencyLimiter } from '../middleware/limits.ts';

export const VERSION = '0.1.0';

export function pingRoute( drivers: Driver[], limiter: ConcurrencyLimiter ): RequestHandler {
	return ( _req, res ) => {
		const statuses = drivers.map( ( d ) => d.status() );
		const usable = statuses.some( ( s ) => s.version !== null && s.logged_in !== false );
		const pool = drivers.map( ( d ) => d.poolStats() ).reduce(
			( a, b ) => ( { size: a.size + b.size, ready: a.ready + b.ready, starting: a.starting + b.starting, served_warm: a.served_warm + b.served_warm, served_cold: a.served_cold + b.served_cold } ),
			{ size: 0, ready: 0, starting: 0, served_warm: 0, served_cold: 0 }
		);
		res.set( 'Cache-Control', 'no-store' ).json( {
			status: usable ? 'ok' : 'degraded',
			version: VERSION,
			drivers: statuses,
			pool,
			queue: limiter.stats(),
		} );
	};
}
