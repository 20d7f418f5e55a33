// The Usage API on a busy site (issue 10), through WordPress over HTTP, on 1,000,000 usage rows
// spread over the last 30 days, in dedicated bench sites (AW_WP_PROFILE=bench: their own folder,
// ports 8901/8902 and MariaDB database, never the dev or test sites):
//   analytics_summary_ms_1m_{sqlite,mariadb}     GET usage/summary of the last 30 days, p50
//   analytics_timeseries_ms_1m_{sqlite,mariadb}  GET usage/timeseries?bucket=hour of the same, p50
//   usage_write_ms_p50                           one Usage_Repository::insert (what the recorder
//                                                adds to a request), SQLite site, p50 of 300
//   usage_write_ms_p50_mariadb                   the same on MariaDB
// Seeding is once (the sites are kept; a later run only tops up): ~1-3 min per database. Too slow
// for CI: npm run bench only. AW_BENCH_ROWS changes the row count (for a quick look).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { timed } from './http-timing.ts';
import { percentile, round } from './stats.ts';
import type { SiteInfo } from './wordpress.ts';

const root = join( import.meta.dirname, '../..' );
const ROWS = Number( process.env.AW_BENCH_ROWS ?? 1_000_000 );

function wp( db: 'sqlite' | 'mariadb', command: 'up' | 'down' ): void {
	execFileSync( 'bash', [ 'scripts/wp.sh', command, `--db=${ db }` ], {
		cwd: root,
		stdio: [ 'ignore', 'ignore', 'inherit' ],
		env: {
			...process.env,
			AW_WP_PROFILE: 'bench',
			AW_WP_PORT_SQLITE: process.env.AW_BENCH_PORT_SQLITE ?? '8901',
			AW_WP_PORT_MARIADB: process.env.AW_BENCH_PORT_MARIADB ?? '8902',
		},
	} );
}

function ymd( d: Date, zone: string ): string {
	return new Intl.DateTimeFormat( 'en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' } ).format( d );
}

async function measure( db: 'sqlite' | 'mariadb' ): Promise< Record< string, number > > {
	wp( db, 'up' );
	const site = join( root, '.wp/bench-sites', db );
	const info = JSON.parse( readFileSync( join( site, 'info.json' ), 'utf8' ) ) as SiteInfo;
	execFileSync( 'php', [ join( import.meta.dirname, 'seed-usage.php' ), site, String( ROWS ) ], { stdio: [ 'ignore', 'inherit', 'inherit' ] } );
	const u = info.users.admin;
	const headers = { authorization: 'Basic ' + Buffer.from( `${ u.login }:${ u.app_password }` ).toString( 'base64' ), accept: 'application/json' };
	const get = async ( path: string ) => {
		const res = await timed( `${ info.url }/wp-json/agentic-writer/v1${ path }`, 'GET', headers );
		if ( res.status !== 200 ) {
			throw new Error( `GET ${ path } → ${ res.status }: ${ res.body.slice( 0, 300 ) }` );
		}
		return res.total;
	};
	// The site's zone is UTC (a fresh install): the last 30 days of its clock.
	const to = ymd( new Date(), 'UTC' );
	const from = ymd( new Date( Date.now() - 29 * 86400_000 ), 'UTC' );
	const summary: number[] = [];
	const series: number[] = [];
	for ( let i = 0; i < 2; i++ ) {
		await get( `/usage/summary?from=${ from }&to=${ to }` );
		await get( `/usage/timeseries?from=${ from }&to=${ to }&bucket=hour` );
	}
	for ( let i = 0; i < 7; i++ ) {
		summary.push( await get( `/usage/summary?from=${ from }&to=${ to }` ) );
		series.push( await get( `/usage/timeseries?from=${ from }&to=${ to }&bucket=hour` ) );
	}
	const writes = JSON.parse( execFileSync( 'php', [ join( import.meta.dirname, 'usage-write.php' ), site, '300' ], { encoding: 'utf8' } ) ) as number[];
	wp( db, 'down' );
	const suffix = db === 'sqlite' ? '' : '_mariadb';
	return {
		[ `analytics_summary_ms_1m_${ db }` ]: round( percentile( summary, 50 ) ),
		[ `analytics_timeseries_ms_1m_${ db }` ]: round( percentile( series, 50 ) ),
		[ `usage_write_ms_p50${ suffix }` ]: round( percentile( writes, 50 ) ),
	};
}

export async function run(): Promise< Record< string, number > > {
	return { ...( await measure( 'sqlite' ) ), ...( await measure( 'mariadb' ) ) };
}
