// The provider manager's cost inside WordPress (issue 4). Every figure is a difference against a
// baseline timed in the same run, interleaved sample by sample so machine noise hits both alike:
//   plugin_overhead_ms_p50        non-stream generate − no-op REST route − direct upstream call
//   stream_ttft_added_ms_p50      first delta through WordPress − the upstream's own TTFT
//   fallback_first_ms_p50         first delta when the local backend's port is closed and
//                                 OpenRouter takes over − first delta with OpenRouter first
//   fallback_breaker_open_ms_p50  the same when the dead first provider's breaker is open
//   stream_incremental            1 when the first delta arrives before a 5 × 300 ms upstream ends
// The site's settings are snapshotted with PHP and put back afterwards; the mock runs in-process.
import { createServer } from 'node:net';

import { startMockUpstream } from '../mocks/upstream/index.ts';
import { timed } from './http-timing.ts';
import { restoreSettings, settingsOption } from './settings-option.ts';
import { appAuth, siteInfo } from './wordpress.ts';
import { percentile, round } from './stats.ts';

async function closedPort(): Promise< number > {
	return new Promise( ( resolve ) => {
		const s = createServer().listen( 0, '127.0.0.1', () => {
			const port = ( s.address() as { port: number } ).port;
			s.close( () => resolve( port ) );
		} );
	} );
}

export async function run(): Promise< Record< string, number > > {
	const info = siteInfo( 'sqlite' );
	const auth = appAuth( info, 'admin' );
	const mock = await startMockUpstream();
	const saved = settingsOption( info );
	const rest = ( path: string, body?: unknown, accept = 'application/json' ) =>
		timed( `${ info.url }/wp-json/agentic-writer/v1${ path }`, body === undefined ? 'GET' : 'POST', {
			authorization: auth,
			accept,
			'content-type': 'application/json',
		}, body === undefined ? undefined : JSON.stringify( body ) );
	const configure = async ( patch: unknown ) => {
		const res = await rest( '/settings', patch );
		if ( res.status !== 200 ) {
			throw new Error( `POST settings → ${ res.status }: ${ res.body }` );
		}
	};
	const n = 40;
	try {
		await configure( {
			provider_mode: 'hybrid',
			routing: { mode: 'simple', simple: { text: 'openrouter', image: 'openrouter' } },
			providers: {
				openrouter: { api_key: 'sk-or-bench-0123456789', base_url: `${ mock.url }/api/v1`, model: 'openai/gpt-4o-mini' },
				local_backend: { api_key: 'local-bench-0123456789', base_url: `http://127.0.0.1:${ await closedPort() }` },
			},
			breaker: { failure_threshold: 100, cooldown_seconds: 3600 },
			timeouts: { connect_seconds: 1, read_seconds: 30 },
		} );

		// 1. Non-stream overhead.
		const chat = { task: 'chat', prompt: 'Benchmark', provider: 'openrouter' };
		const upstreamBody = JSON.stringify( {
			model: 'openai/gpt-4o-mini',
			max_tokens: 4096,
			messages: [ { role: 'system', content: 'You are a benchmark.' }, { role: 'user', content: 'Benchmark' } ],
		} );
		const direct = () =>
			timed( `${ mock.url }/api/v1/chat/completions`, 'POST', { authorization: 'Bearer sk-or-bench', 'content-type': 'application/json' }, upstreamBody );
		const gen: number[] = [];
		const noop: number[] = [];
		const up: number[] = [];
		const overhead: number[] = [];
		const overheadBody: number[] = [];
		// A pause between requests: work a server finishes after closing the connection (the
		// usage row) must not land on the next request's timing.
		const settle = () => new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
		for ( let i = 0; i < 2 * n + 3; i++ ) {
			const g = await rest( '/generate', chat );
			await settle();
			const o = await timed( `${ info.url }/wp-json/agentic-writer/v1/status`, 'GET', { authorization: auth } );
			await settle();
			const d = await direct();
			if ( g.status !== 200 || o.status !== 200 || d.status !== 200 ) {
				throw new Error( `overhead sample failed: ${ g.status } ${ o.status } ${ d.status }: ${ g.body.slice( 0, 300 ) }` );
			}
			if ( i >= 3 ) {
				gen.push( g.closed );
				noop.push( o.closed );
				up.push( d.closed );
				overhead.push( g.closed - o.closed - d.closed );
				overheadBody.push( g.total - o.total - d.total );
			}
			mock.reset();
		}

		// 2. Streaming TTFT added, and the fallback paths, against OpenRouter-first streaming.
		const prompt = 'Stream benchmark [[mock:ttft=20,chunks=5,delay=10]]';
		const upstreamStream = JSON.stringify( {
			model: 'openai/gpt-4o-mini',
			stream: true,
			messages: [ { role: 'user', content: prompt } ],
		} );
		const streamVia = async ( body: unknown ) => {
			const r = await rest( '/generate', body, 'text/event-stream' );
			if ( r.status !== 200 || Number.isNaN( r.firstDelta ) ) {
				throw new Error( `stream sample failed: ${ r.status } ${ r.body.slice( 0, 300 ) }` );
			}
			return r;
		};
		// Three chains side by side (advanced matrix), sampled in the same iteration:
		//   writing:    OpenRouter alone (its own TTFT through WordPress)
		//   refinement: local backend on a closed port (breaker never opens: threshold 100), then OpenRouter
		//   chat:       an OpenAI-compatible endpoint on a closed port whose breaker is open, then OpenRouter
		await configure( {
			providers: {
				openai_compatible: [ { id: 'dead', base_url: `http://127.0.0.1:${ await closedPort() }/v1`, model: 'm', api_key: 'k-0123456789' } ],
			},
			routing: {
				mode: 'advanced',
				matrix: { writing: [ 'openrouter' ], refinement: [ 'local_backend', 'openrouter' ], chat: [ 'openai_compatible:dead', 'openrouter' ] },
			},
		} );
		for ( let i = 0; i < 100; i++ ) {
			await rest( '/generate', { task: 'chat', prompt: 'Open the breaker' } );
		}
		const wpTtft: number[] = [];
		const upTtft: number[] = [];
		const added: number[] = [];
		const fbTtft: number[] = [];
		const fbAdded: number[] = [];
		const openTtft: number[] = [];
		const openAdded: number[] = [];
		for ( let i = 0; i < n + 3; i++ ) {
			await settle();
			const w = await streamVia( { task: 'writing', prompt } );
			await settle();
			const u = await timed( `${ mock.url }/api/v1/chat/completions`, 'POST', { authorization: 'Bearer sk-or-bench', 'content-type': 'application/json' }, upstreamStream );
			await settle();
			const f = await streamVia( { task: 'refinement', prompt, selection: 'Some text.' } );
			await settle();
			const o = await streamVia( { task: 'chat', prompt } );
			if ( ! f.body.includes( '"reason":"connection_failed"' ) || ! o.body.includes( '"reason":"circuit_open"' ) ) {
				throw new Error( `expected a connection fallback and a breaker-open fallback: ${ f.body.slice( 0, 400 ) } ${ o.body.slice( 0, 400 ) }` );
			}
			if ( i >= 3 ) {
				wpTtft.push( w.firstDelta );
				upTtft.push( u.firstDelta );
				added.push( w.firstDelta - u.firstDelta );
				fbTtft.push( f.firstDelta );
				fbAdded.push( f.firstDelta - w.firstDelta );
				openTtft.push( o.firstDelta );
				openAdded.push( o.firstDelta - w.firstDelta );
			}
			mock.reset();
		}

		// 3. Incremental: 5 chunks, 300 ms apart.
		const slow = await streamVia( { task: 'writing', prompt: 'Incremental [[mock:chunks=5,delay=300]]' } );
		const incremental = slow.firstDelta + 900 < slow.total ? 1 : 0;

		const p50 = ( xs: number[] ) => percentile( xs, 50 );
		const ownTtft = p50( wpTtft );
		return {
			// Medians of paired differences (same iteration), robust to drift on a shared machine.
			// Conservative: until the server closed the connection, so the usage row written after
			// the answer counts too. The author sees the answer earlier (Content-Length): the
			// "_body" figure is that view.
			plugin_overhead_ms_p50: round( p50( overhead ) ),
			plugin_overhead_body_ms_p50: round( p50( overheadBody ) ),
			stream_ttft_added_ms_p50: round( p50( added ) ),
			// The same without WordPress's own boot and REST dispatch (the no-op route's time).
			plugin_stream_ttft_added_beyond_rest_ms_p50: round( p50( added ) - p50( noop ) ),
			fallback_first_ms_p50: round( p50( fbAdded ) ),
			fallback_breaker_open_ms_p50: round( p50( openAdded ) ),
			stream_incremental: incremental,
			plugin_generate_ms_p50: round( p50( gen ) ),
			plugin_noop_rest_ms_p50: round( p50( noop ) ),
			plugin_upstream_direct_ms_p50: round( p50( up ) ),
			plugin_stream_ttft_ms_p50: round( ownTtft ),
			plugin_upstream_ttft_ms_p50: round( p50( upTtft ) ),
			plugin_fallback_ttft_ms_p50: round( p50( fbTtft ) ),
			plugin_breaker_open_ttft_ms_p50: round( p50( openTtft ) ),
		};
	} finally {
		restoreSettings( info, saved );
		await mock.close();
	}
}
