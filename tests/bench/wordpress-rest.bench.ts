// Baselines on this WordPress: a core REST route and the plugin's no-op status route, same run.
import { appAuth, siteInfo } from './wordpress.ts';
import { percentile, round, sample } from './stats.ts';

export async function run(): Promise< Record< string, number > > {
	const info = siteInfo( 'sqlite' );
	const headers = { authorization: appAuth( info, 'admin' ) };
	const get = ( path: string ) => async () => {
		const res = await fetch( `${ info.url }/wp-json${ path }`, { headers } );
		if ( ! res.ok ) {
			throw new Error( `GET ${ path } → ${ res.status }: ${ await res.text() }` );
		}
		await res.arrayBuffer();
	};
	const core = await sample( 40, get( '/wp/v2/users/me' ) );
	const noop = await sample( 40, get( '/agentic-writer/v1/status' ) );
	const coreP50 = percentile( core, 50 );
	const noopP50 = percentile( noop, 50 );
	return {
		wp_rest_core_ms_p50: round( coreP50 ),
		wp_rest_noop_ms_p50: round( noopP50 ),
		wp_rest_noop_ms_p90: round( percentile( noop, 90 ) ),
		wp_rest_noop_vs_core_ratio: round( noopP50 / coreP50 ),
	};
}
